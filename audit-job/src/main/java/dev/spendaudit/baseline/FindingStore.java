package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.Finding;
import dev.spendaudit.core.Severity;
import dev.spendaudit.store.jooq.tables.records.FindingRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.DETECTION_DAY;
import static dev.spendaudit.store.jooq.Tables.FINDING;

/**
 * Detection's memory in the job's store: each day's findings with their state, and the day's digest fields. A
 * day is replaced whole in one transaction, so a rerun never duplicates its findings.
 */
public class FindingStore {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The details record each kind is stored with. */
	private static final Map<String, Class<? extends DetectionDetails>> DETAILS = Map.of(SeriesDetector.SPIKE,
			DetectionDetails.Spike.class, SeriesDetector.DRIFT, DetectionDetails.Spike.class, Kinds.BUDGET,
			DetectionDetails.Budget.class, Kinds.UNPRICED, DetectionDetails.Unpriced.class, SeriesDetector.NEW_WORKLOAD,
			DetectionDetails.NewSeries.class, SeriesDetector.NEW_MODEL, DetectionDetails.NewSeries.class,
			Kinds.UNATTRIBUTED, DetectionDetails.Unattributed.class);

	private final DSLContext dsl;

	public FindingStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A finding as a later night sees it. */
	record Past(LocalDate day, String kind, String subject, List<String> group, LocalDate since, int dayOfRun) {

		/** Whether this and a finding of {@code kind} on {@code subjects} are the same event. */
		boolean sameEvent(String otherKind, List<String> subjects) {
			return kind.equals(otherKind) && subjects.stream().anyMatch(group::contains);
		}

	}

	void replace(LocalDate day, List<Draft> drafts, List<Finding> findings, BaselineSummary baseline,
			AttributionHealth health, long jobExecutionId) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(FINDING).where(FINDING.AUDIT_DATE.eq(day)).execute();
			db.deleteFrom(DETECTION_DAY).where(DETECTION_DAY.AUDIT_DATE.eq(day)).execute();
			List<FindingRecord> rows = new ArrayList<>();
			for (int i = 0; i < findings.size(); i++) {
				Finding f = findings.get(i);
				FindingState state = ((DetectionDetails) f.details()).state();
				FindingRecord r = db.newRecord(FINDING);
				r.setAuditDate(day);
				r.setOrdinal(i);
				r.setKind(f.kind());
				r.setSeverity(f.severity().name());
				r.setSubject(f.subject());
				r.setState(state.state());
				r.setSinceDate(state.since());
				r.setDayOfRun(state.day());
				r.setGroupSubjects(drafts.get(i).group().toArray(String[]::new));
				r.setActualUsd(f.actualUsd());
				r.setBaselineUsd(f.baselineUsd());
				r.setReason(f.reason());
				r.setDetails(json(f.details()));
				r.setJobExecutionId(jobExecutionId);
				rows.add(r);
			}
			db.batchInsert(rows).execute();
			db.insertInto(DETECTION_DAY)
				.set(DETECTION_DAY.AUDIT_DATE, day)
				.set(DETECTION_DAY.BASELINE, json(baseline))
				.set(DETECTION_DAY.ATTRIBUTION_HEALTH, json(health))
				.set(DETECTION_DAY.JOB_EXECUTION_ID, jobExecutionId)
				.execute();
		});
	}

	/** The findings stored for days in {@code [from, to]}, oldest first. */
	List<Past> between(LocalDate from, LocalDate to) {
		return dsl.select(FINDING.AUDIT_DATE, FINDING.KIND, FINDING.SUBJECT, FINDING.GROUP_SUBJECTS,
				FINDING.SINCE_DATE, FINDING.DAY_OF_RUN)
			.from(FINDING)
			.where(FINDING.AUDIT_DATE.between(from, to))
			.orderBy(FINDING.AUDIT_DATE, FINDING.ORDINAL)
			.fetch(r -> new Past(r.value1(), r.value2(), r.value3(), Arrays.asList(r.value4()), r.value5(),
					r.value6()));
	}

	/** The day's findings as the digest shows them, in the order detection stored them. */
	public List<Finding> findings(LocalDate day) {
		return dsl.selectFrom(FINDING)
			.where(FINDING.AUDIT_DATE.eq(day))
			.orderBy(FINDING.ORDINAL)
			.fetch(r -> new Finding(r.getKind(), Severity.valueOf(r.getSeverity()), r.getSubject(), r.getActualUsd(),
					r.getBaselineUsd(), r.getReason(), read(r.getDetails(), DETAILS.get(r.getKind()))));
	}

	public Optional<BaselineSummary> baseline(LocalDate day) {
		return dsl.select(DETECTION_DAY.BASELINE).from(DETECTION_DAY).where(DETECTION_DAY.AUDIT_DATE.eq(day))
			.fetchOptional(r -> read(r.value1(), BaselineSummary.class));
	}

	public Optional<AttributionHealth> attributionHealth(LocalDate day) {
		return dsl.select(DETECTION_DAY.ATTRIBUTION_HEALTH).from(DETECTION_DAY)
			.where(DETECTION_DAY.AUDIT_DATE.eq(day))
			.fetchOptional(r -> read(r.value1(), AttributionHealth.class));
	}

	private static JSONB json(Object value) {
		return JSONB.valueOf(JSON.writeValueAsString(value));
	}

	private static <T> T read(JSONB json, Class<T> type) {
		return type == null ? null : JSON.readValue(json.data(), type);
	}

}
