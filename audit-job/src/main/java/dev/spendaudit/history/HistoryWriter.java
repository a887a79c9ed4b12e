package dev.spendaudit.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.AnomalousRow;
import dev.spendaudit.source.DayFacts;
import dev.spendaudit.source.DayRowSpan;
import dev.spendaudit.source.KeyUtcDate;
import dev.spendaudit.source.LogFreshness;
import dev.spendaudit.source.PromptBucket;
import dev.spendaudit.source.ProviderHour;
import dev.spendaudit.source.SpendGroup;
import dev.spendaudit.source.Workload;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

import static dev.spendaudit.store.jooq.Tables.ANOMALOUS_ROW;
import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_UTC_DATE;
import static dev.spendaudit.store.jooq.Tables.PROMPT_BUCKET_DAY;
import static dev.spendaudit.store.jooq.Tables.PROVIDER_UTC_HOUR;
import static dev.spendaudit.store.jooq.Tables.SOURCE_DAY;
import static dev.spendaudit.store.jooq.Tables.SOURCE_MISSING;

/**
 * Writes days into the store. A day is replaced whole in one transaction: a rerun never duplicates it and a
 * failure never leaves half of it. Replacing the {@code audit_day} row also clears what the day's later steps
 * stored (findings, freshness, costs...: ON DELETE CASCADE), so nothing outlives the facts it was computed from.
 */
public class HistoryWriter {

	private final DSLContext dsl;

	public HistoryWriter(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Replaces the day with the facts of its sources. The day counts as rolled up until {@link #markAudited}.
	 *
	 * @param sources one read per source (gateway) of the same day
	 */
	public void replaceDay(AuditDay day, List<DayFacts> sources, long jobExecutionId) {
		replaceDay(day, sources, Map.of(), jobExecutionId);
	}

	/**
	 * The same, with the gateways that could not be read: their part of the day is recorded missing (by name, with
	 * why), so the day counts as not fully audited and the next run reads it again.
	 *
	 * @param missing gateway name to the one line that says why it could not be read
	 */
	public void replaceDay(AuditDay day, List<DayFacts> sources, Map<String, String> missing, long jobExecutionId) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(AUDIT_DAY).where(AUDIT_DAY.AUDIT_DATE.eq(day.date())).execute();
			db.insertInto(AUDIT_DAY)
				.set(AUDIT_DAY.AUDIT_DATE, day.date())
				.set(AUDIT_DAY.ZONE, day.zone().getId())
				.set(AUDIT_DAY.WINDOW_START_UTC, day.fromUtc())
				.set(AUDIT_DAY.WINDOW_END_UTC, day.toUtc())
				.set(AUDIT_DAY.JOB_EXECUTION_ID, jobExecutionId)
				.execute();
			for (DayFacts facts : sources) {
				insert(db, facts);
			}
			missing.forEach((source, reason) -> db.insertInto(SOURCE_MISSING)
				.set(SOURCE_MISSING.AUDIT_DATE, day.date())
				.set(SOURCE_MISSING.SOURCE, source)
				.set(SOURCE_MISSING.REASON, reason)
				.execute());
		});
	}

	/** Marks the day audited: its own job wrote its digest. */
	public void markAudited(LocalDate date, long jobExecutionId, LocalDateTime atUtc) {
		dsl.update(AUDIT_DAY)
			.set(AUDIT_DAY.AUDITED_AT, atUtc)
			.set(AUDIT_DAY.AUDITED_JOB_EXECUTION_ID, jobExecutionId)
			.where(AUDIT_DAY.AUDIT_DATE.eq(date))
			.execute();
	}

	private static void insert(DSLContext db, DayFacts facts) {
		LocalDate date = facts.day().date();
		String source = facts.source();
		LogFreshness fresh = facts.freshness();
		DayRowSpan span = facts.rowSpan();
		db.insertInto(SOURCE_DAY)
			.set(SOURCE_DAY.AUDIT_DATE, date)
			.set(SOURCE_DAY.SOURCE, source)
			.set(SOURCE_DAY.DETAILED, true)
			.set(SOURCE_DAY.NEWEST_ROW_UTC, facts.newestRowUtc())
			.set(SOURCE_DAY.INVALID_SPEND_ROWS, facts.invalidSpendRows())
			.set(SOURCE_DAY.IMPLAUSIBLE_SPEND_ROWS, facts.implausibleSpendRows())
			.set(SOURCE_DAY.INVALID_METADATA_ROWS, facts.metadata().invalidRows())
			.set(SOURCE_DAY.METADATA_ROWS_READ, facts.metadata().rowsRead())
			.set(SOURCE_DAY.READ_AT_UTC, fresh == null ? null : fresh.readAtUtc())
			.set(SOURCE_DAY.NEWEST_ROW_AT_READ_UTC, fresh == null ? null : fresh.newestRowUtc())
			.set(SOURCE_DAY.GAP_WINDOW_START_UTC, fresh == null ? null : fresh.gapWindowStartUtc())
			.set(SOURCE_DAY.MAX_GAP_FROM_UTC, fresh == null || fresh.longestGap() == null ? null : fresh.longestGap().from())
			.set(SOURCE_DAY.MAX_GAP_TO_UTC, fresh == null || fresh.longestGap() == null ? null : fresh.longestGap().to())
			.set(SOURCE_DAY.ROW_SPAN_READ, span != null)
			.set(SOURCE_DAY.FIRST_ROW_UTC, span == null ? null : span.firstUtc())
			.set(SOURCE_DAY.LAST_ROW_UTC, span == null ? null : span.lastUtc())
			.set(SOURCE_DAY.DAY_GAP_FROM_UTC, span == null || span.longestGap() == null ? null : span.longestGap().from())
			.set(SOURCE_DAY.DAY_GAP_TO_UTC, span == null || span.longestGap() == null ? null : span.longestGap().to())
			.execute();
		// the watched keys' callers, which the same read counted: the key watch finds them kept
		CallerHistory.keep(db, date, source, facts.callers());
		List<TableRecord<?>> groups = new ArrayList<>();
		for (SpendGroup g : facts.groups()) {
			Workload w = facts.workloadOf(g);
			var r = db.newRecord(KEY_MODEL_DAY);
			r.setAuditDate(date);
			r.setSource(source);
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
			r.setInvalidSpendRows(g.invalidSpendRows());
			r.setNewestStartUtc(g.newestStartUtc());
			r.setUnpricedRequests(g.unpriced().requests());
			r.setUnpricedPromptTokens(g.unpriced().promptTokens());
			r.setUnpricedCompletionTokens(g.unpriced().completionTokens());
			groups.add(r);
		}
		insertAll(db, KEY_MODEL_DAY, groups, false);
		List<TableRecord<?>> buckets = new ArrayList<>();
		for (PromptBucket b : facts.promptBuckets()) {
			var r = db.newRecord(PROMPT_BUCKET_DAY);
			r.setAuditDate(date);
			r.setSource(source);
			r.setApiKey(b.apiKey());
			r.setModel(b.model());
			r.setMinPromptTokens(b.minPromptTokens());
			r.setRequests(b.requests());
			r.setUsd(b.usd());
			buckets.add(r);
		}
		insertAll(db, PROMPT_BUCKET_DAY, buckets, false);
		List<TableRecord<?>> hours = new ArrayList<>();
		for (ProviderHour h : facts.providerHours()) {
			var r = db.newRecord(PROVIDER_UTC_HOUR);
			r.setAuditDate(date);
			r.setSource(source);
			r.setHourUtc(h.hourUtc());
			r.setProvider(h.provider());
			r.setRequests(h.requests());
			r.setPromptTokens(h.promptTokens());
			r.setCompletionTokens(h.completionTokens());
			r.setUsd(h.usd());
			hours.add(r);
		}
		insertAll(db, PROVIDER_UTC_HOUR, hours, false);
		List<TableRecord<?>> dates = new ArrayList<>();
		for (KeyUtcDate k : facts.keyUtcDates()) {
			var r = db.newRecord(KEY_UTC_DATE);
			r.setAuditDate(date);
			r.setSource(source);
			r.setUtcDate(k.utcDate());
			r.setApiKey(k.apiKey());
			r.setRequests(k.requests());
			r.setFailedRequests(k.failedRequests());
			r.setUsd(k.usd());
			dates.add(r);
		}
		insertAll(db, KEY_UTC_DATE, dates, false);
		List<TableRecord<?>> samples = new ArrayList<>();
		for (AnomalousRow a : facts.anomalousSamples()) {
			var r = db.newRecord(ANOMALOUS_ROW);
			r.setAuditDate(date);
			r.setSource(source);
			r.setRequestId(a.requestId());
			r.setStartTimeUtc(a.startTimeUtc());
			r.setReason(a.reason());
			samples.add(r);
		}
		// a log whose request ids repeat (a partitioned table keys on id and time) keeps the first
		insertAll(db, ANOMALOUS_ROW, samples, true);
		TeamTagWriter.insert(db, facts);
	}

	/**
	 * Inserts {@code records} (all of {@code table}) as one JDBC batch of one statement, rendered once and bound row
	 * by row (a day of ten thousand keys is one round trip, not ten thousand): multi-row {@code VALUES} lists had jOOQ
	 * render every bind value, most of the time a day's facts took to store.
	 */
	static void insertAll(DSLContext db, Table<?> table, List<TableRecord<?>> records, boolean skipDuplicates) {
		if (records.isEmpty()) {
			return;
		}
		Field<?>[] fields = table.fields();
		var insert = db.insertInto(table, fields).values(new Object[fields.length]);
		BatchBindStep batch = db.batch(skipDuplicates ? insert.onConflictDoNothing() : insert);
		for (TableRecord<?> r : records) {
			batch.bind(r.intoArray());
		}
		batch.execute();
	}

}
