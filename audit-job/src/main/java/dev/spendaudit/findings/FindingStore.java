package dev.spendaudit.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.Severity;
import dev.spendaudit.store.jooq.tables.records.FindingRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.FINDING;

/**
 * Every feature's findings in one table ({@code finding}), each with its state across nights, its id and its
 * source. A day is replaced whole (per source) in one transaction, so a rerun never duplicates its findings. The
 * details are kept as JSON whatever the kind: rules hand in records, everyone reads back JSON values.
 */
public class FindingStore {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final DSLContext dsl;

	public FindingStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The day's findings of one source, in the day's order, replacing what the day had. */
	void replace(LocalDate day, String source, List<Remembered> remembered, List<Finding> findings,
			long jobExecutionId) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(FINDING).where(FINDING.AUDIT_DATE.eq(day)).and(FINDING.SOURCE.eq(source)).execute();
			List<FindingRecord> rows = new ArrayList<>(findings.size());
			for (int i = 0; i < findings.size(); i++) {
				Finding f = findings.get(i);
				Remembered m = remembered.get(i);
				FindingRecord r = db.newRecord(FINDING);
				r.setAuditDate(day);
				r.setSource(source);
				r.setOrdinal(i);
				r.setId(f.id());
				r.setKind(f.kind());
				r.setSeverity(f.severity().name());
				r.setSubject(f.subject());
				r.setState(m.state().state());
				r.setSinceDate(m.state().since());
				r.setDayOfRun(m.state().day());
				r.setPreviousSeverity(m.previousSeverity() == null ? null : m.previousSeverity().name());
				r.setGroupSubjects(m.detected().group().toArray(String[]::new));
				r.setActualUsd(f.actualUsd());
				r.setBaselineUsd(f.baselineUsd());
				r.setReason(f.reason());
				r.setDetails(JSONB.valueOf(JSON.writeValueAsString(f.details())));
				r.setAcknowledged(f.acknowledged() == null ? null
						: JSONB.valueOf(JSON.writeValueAsString(f.acknowledged())));
				r.setJobExecutionId(jobExecutionId);
				rows.add(r);
			}
			db.batchInsert(rows).execute();
		});
	}

	/** The findings stored for the day before {@code day}, with their details, in their order. */
	List<PastFinding> dayBefore(LocalDate day, String source) {
		return dsl.selectFrom(FINDING)
			.where(FINDING.AUDIT_DATE.eq(day.minusDays(1)))
			.and(FINDING.SOURCE.eq(source))
			.orderBy(FINDING.ORDINAL)
			.fetch(r -> past(r, details(r.getDetails())));
	}

	/** The findings stored for the days {@code from .. to}, oldest first, without their details. */
	List<PastFinding> between(LocalDate from, LocalDate to, String source) {
		return dsl.select(FINDING.AUDIT_DATE, FINDING.ID, FINDING.KIND, FINDING.SEVERITY, FINDING.SUBJECT,
				FINDING.SOURCE, FINDING.GROUP_SUBJECTS, FINDING.STATE, FINDING.SINCE_DATE, FINDING.DAY_OF_RUN)
			.from(FINDING)
			.where(FINDING.AUDIT_DATE.between(from, to))
			.and(FINDING.SOURCE.eq(source))
			.orderBy(FINDING.AUDIT_DATE, FINDING.ORDINAL)
			.fetch(r -> new PastFinding(r.value1(), r.value2(), r.value3(), Severity.valueOf(r.value4()), r.value5(),
					r.value6(), Arrays.asList(r.value7()), r.value8(), r.value9(), r.value10(), "", Map.of()));
	}

	/** The day's findings as the digest shows them: every source's, each in the day's order. */
	public List<Finding> findings(LocalDate day) {
		return dsl.selectFrom(FINDING)
			.where(FINDING.AUDIT_DATE.eq(day))
			.orderBy(FINDING.SOURCE, FINDING.ORDINAL)
			.fetch(FindingStore::finding);
	}

	/** Every source's findings stored for the days {@code from .. to}, oldest first, each day in its order. */
	public List<Dated> findings(LocalDate from, LocalDate to) {
		return dsl.selectFrom(FINDING)
			.where(FINDING.AUDIT_DATE.between(from, to))
			.orderBy(FINDING.AUDIT_DATE, FINDING.SOURCE, FINDING.ORDINAL)
			.fetch(r -> new Dated(r.getAuditDate(), finding(r)));
	}

	/** The newest day that has the finding {@code id}, with the finding as that day stored it. */
	public Optional<Dated> latest(String id) {
		return dsl.selectFrom(FINDING)
			.where(FINDING.ID.eq(id))
			.orderBy(FINDING.AUDIT_DATE.desc())
			.limit(1)
			.fetchOptional(r -> new Dated(r.getAuditDate(), finding(r)));
	}

	private static Finding finding(FindingRecord r) {
		return new Finding(r.getId(), r.getKind(), Severity.valueOf(r.getSeverity()), r.getSubject(), r.getSource(),
				r.getActualUsd(), r.getBaselineUsd(), r.getReason(), details(r.getDetails()),
				r.getAcknowledged() == null ? null : JSON.readValue(r.getAcknowledged().data(), Acknowledgement.class));
	}

	/** A finding and the day it was stored for. */
	public record Dated(LocalDate date, Finding finding) {
	}

	private static PastFinding past(FindingRecord r, Map<String, Object> details) {
		return new PastFinding(r.getAuditDate(), r.getId(), r.getKind(), Severity.valueOf(r.getSeverity()),
				r.getSubject(), r.getSource(), Arrays.asList(r.getGroupSubjects()), r.getState(), r.getSinceDate(),
				r.getDayOfRun(), r.getReason(), details);
	}

	/** A rule's details (a record, a map or null) as the JSON values they are stored and read back as. */
	static Map<String, Object> tree(Object details) {
		if (details == null) {
			return new LinkedHashMap<>();
		}
		return JSON.readValue(JSON.writeValueAsString(details), MAP);
	}

	private static Map<String, Object> details(JSONB json) {
		return json == null || json.data() == null || "null".equals(json.data()) ? new LinkedHashMap<>()
				: JSON.readValue(json.data(), MAP);
	}

}
