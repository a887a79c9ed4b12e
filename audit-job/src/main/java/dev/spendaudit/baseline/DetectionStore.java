package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.DETECTION_DAY;

/**
 * Detection's own day in the job's store ({@code detection_day}): the digest's {@code baseline} and
 * {@code attributionHealth} fields as detection computed them. Its findings are in the one findings store.
 */
public class DetectionStore {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final DSLContext dsl;

	public DetectionStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Replaces the day's row. */
	void replace(LocalDate day, BaselineSummary baseline, AttributionHealth health, long jobExecutionId) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(DETECTION_DAY).where(DETECTION_DAY.AUDIT_DATE.eq(day)).execute();
			db.insertInto(DETECTION_DAY)
				.set(DETECTION_DAY.AUDIT_DATE, day)
				.set(DETECTION_DAY.BASELINE, json(baseline))
				.set(DETECTION_DAY.ATTRIBUTION_HEALTH, json(health))
				.set(DETECTION_DAY.JOB_EXECUTION_ID, jobExecutionId)
				.execute();
		});
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
		return JSON.readValue(json.data(), type);
	}

}
