package dev.spendaudit.rollup;

import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.source.AnomalousRow;
import dev.spendaudit.source.SpendGroup;
import dev.spendaudit.source.Workload;
import dev.spendaudit.store.jooq.tables.records.KeyModelDayRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import static dev.spendaudit.store.jooq.Tables.ANOMALOUS_ROW;
import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;

/**
 * Keeps rolled-up days in the job's own tables. A day is replaced whole in one transaction: a rerun never
 * duplicates it and a failure never leaves half of it.
 */
public class RollupStore {

	private final DSLContext dsl;

	public RollupStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	void replace(DayRollup rollup) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(AUDIT_DAY).where(AUDIT_DAY.AUDIT_DATE.eq(rollup.day().date())).execute();
			db.insertInto(AUDIT_DAY)
				.set(AUDIT_DAY.AUDIT_DATE, rollup.day().date())
				.set(AUDIT_DAY.ZONE, rollup.day().zone().getId())
				.set(AUDIT_DAY.WINDOW_START_UTC, rollup.day().fromUtc())
				.set(AUDIT_DAY.WINDOW_END_UTC, rollup.day().toUtc())
				.set(AUDIT_DAY.NEWEST_ROW_UTC, rollup.newestRowUtc())
				.set(AUDIT_DAY.INVALID_SPEND_ROWS, rollup.invalidSpendRows())
				.set(AUDIT_DAY.INVALID_METADATA_ROWS, rollup.invalidMetadataRows())
				.set(AUDIT_DAY.JOB_EXECUTION_ID, rollup.jobExecutionId())
				.execute();
			List<KeyModelDayRecord> rows = new ArrayList<>();
			for (SpendGroup g : rollup.groups()) {
				Workload w = rollup.workloads().get(g.apiKey());
				KeyModelDayRecord r = db.newRecord(KEY_MODEL_DAY);
				r.setAuditDate(rollup.day().date());
				r.setApiKey(g.apiKey());
				r.setWorkload(w.name());
				r.setAttribution(w.attribution().name());
				r.setModel(g.model());
				r.setProvider(g.provider());
				r.setUsd(g.usd());
				r.setRequests(g.requests());
				r.setFailedRequests(g.failedRequests());
				r.setCacheHits(g.cacheHits());
				r.setPromptTokens(g.promptTokens());
				r.setCompletionTokens(g.completionTokens());
				rows.add(r);
			}
			db.batchInsert(rows).execute();
			List<Query> samples = new ArrayList<>();
			for (AnomalousRow a : rollup.anomalousSamples()) {
				samples.add(db.insertInto(ANOMALOUS_ROW)
					.set(ANOMALOUS_ROW.AUDIT_DATE, rollup.day().date())
					.set(ANOMALOUS_ROW.REQUEST_ID, a.requestId())
					.set(ANOMALOUS_ROW.START_TIME_UTC, a.startTimeUtc())
					.set(ANOMALOUS_ROW.REASON, a.reason())
					.onConflictDoNothing());
			}
			db.batch(samples).execute();
		});
	}

}
