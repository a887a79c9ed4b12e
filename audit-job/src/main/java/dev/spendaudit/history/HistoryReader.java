package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.spendaudit.core.UnreadGateways;
import dev.spendaudit.source.AnomalousRow;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.DayRowSpan;
import dev.spendaudit.source.LogFreshness;
import dev.spendaudit.source.PromptBucket;
import dev.spendaudit.source.RowGap;
import dev.spendaudit.store.jooq.tables.records.AuditDayRecord;
import dev.spendaudit.store.jooq.tables.records.KeyModelDayRecord;
import dev.spendaudit.store.jooq.tables.records.SourceDayRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static dev.spendaudit.store.jooq.Tables.ANOMALOUS_ROW;
import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static dev.spendaudit.store.jooq.Tables.PROMPT_BUCKET_DAY;
import static dev.spendaudit.store.jooq.Tables.SOURCE_DAY;
import static dev.spendaudit.store.jooq.Tables.SOURCE_MISSING;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

/**
 * Past days as the features read them: a day, a window of its groups, totals per day, a workload's series, a
 * month to date, and which days are stored or audited. Every day with facts counts, audited or only rolled up; a
 * day that is not stored is absent, never zero.
 */
public class HistoryReader implements UnreadGateways {

	private final DSLContext dsl;

	public HistoryReader(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The stored day, with what each source's read saw. */
	public Optional<StoredDay> day(LocalDate date) {
		AuditDayRecord day = dsl.selectFrom(AUDIT_DAY).where(AUDIT_DAY.AUDIT_DATE.eq(date)).fetchOne();
		if (day == null) {
			return Optional.empty();
		}
		Map<String, List<AnomalousRow>> samples = new HashMap<>();
		dsl.selectFrom(ANOMALOUS_ROW)
			.where(ANOMALOUS_ROW.AUDIT_DATE.eq(date))
			.orderBy(ANOMALOUS_ROW.START_TIME_UTC, ANOMALOUS_ROW.REQUEST_ID)
			.forEach(r -> samples.computeIfAbsent(r.getSource(), s -> new ArrayList<>())
				.add(new AnomalousRow(r.getRequestId(), r.getStartTimeUtc(), r.getReason())));
		List<StoredDay.Source> sources = new ArrayList<>();
		for (SourceDayRecord s : dsl.selectFrom(SOURCE_DAY).where(SOURCE_DAY.AUDIT_DATE.eq(date))
			.orderBy(SOURCE_DAY.SOURCE).fetch()) {
			sources.add(new StoredDay.Source(s.getSource(), s.getDetailed(), s.getNewestRowUtc(),
					s.getInvalidSpendRows(), s.getImplausibleSpendRows(), s.getInvalidMetadataRows(), freshness(s),
					samples.getOrDefault(s.getSource(), List.of())));
		}
		return Optional.of(new StoredDay(date, day.getZone(), day.getWindowStartUtc(), day.getWindowEndUtc(),
				day.getJobExecutionId(), day.getComputedAt(), day.getAuditedAt(), sources));
	}

	private static LogFreshness freshness(SourceDayRecord s) {
		if (s.getReadAtUtc() == null) {
			return null;
		}
		RowGap gap = s.getMaxGapFromUtc() == null ? null : new RowGap(s.getMaxGapFromUtc(), s.getMaxGapToUtc());
		return new LogFreshness(s.getReadAtUtc(), s.getNewestRowAtReadUtc(), s.getGapWindowStartUtc(), gap);
	}

	/** Every stored group of the days {@code from .. to}, by day, workload, model, provider and key hash. */
	public List<KeyModelRow> rows(LocalDate from, LocalDate to) {
		var k = KEY_MODEL_DAY;
		return dsl.selectFrom(k)
			.where(k.AUDIT_DATE.between(from, to))
			.orderBy(k.AUDIT_DATE, k.WORKLOAD, k.MODEL, k.PROVIDER, k.API_KEY, k.SOURCE)
			.fetch(HistoryReader::row);
	}

	/** The day's stored groups. */
	public List<KeyModelRow> rows(LocalDate date) {
		return rows(date, date);
	}

	static KeyModelRow row(KeyModelDayRecord r) {
		return new KeyModelRow(r.getAuditDate(), r.getSource(), r.getApiKey(), r.getWorkload(),
				Attribution.valueOf(r.getAttribution()), r.getModel(), r.getProvider(), r.getUsd(), r.getRequests(),
				r.getFailedRequests(), r.getCacheHits(), r.getPromptTokens(), r.getCompletionTokens(),
				r.getInvalidSpendRows(), r.getNewestStartUtc(), r.getUnpricedRequests(), r.getUnpricedPromptTokens(),
				r.getUnpricedCompletionTokens());
	}

	/** Metered spend of every stored day in {@code from .. to}: zero on a day without calls, absent when not stored. */
	public SortedMap<LocalDate, BigDecimal> dailyUsd(LocalDate from, LocalDate to) {
		Field<BigDecimal> usd = coalesce(sum(KEY_MODEL_DAY.USD), inline(BigDecimal.ZERO));
		SortedMap<LocalDate, BigDecimal> daily = new TreeMap<>();
		for (Record r : dsl.select(AUDIT_DAY.AUDIT_DATE, usd)
			.from(AUDIT_DAY)
			.leftJoin(KEY_MODEL_DAY)
			.on(KEY_MODEL_DAY.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE))
			.where(AUDIT_DAY.AUDIT_DATE.between(from, to))
			.groupBy(AUDIT_DAY.AUDIT_DATE)
			.fetch()) {
			daily.put(r.get(AUDIT_DAY.AUDIT_DATE), r.get(usd));
		}
		return daily;
	}

	/** Each workload's metered spend per stored day in {@code from .. to} (days it had none are absent). */
	public Map<String, SortedMap<LocalDate, BigDecimal>> workloadUsd(LocalDate from, LocalDate to) {
		Field<BigDecimal> usd = sum(KEY_MODEL_DAY.USD);
		Map<String, SortedMap<LocalDate, BigDecimal>> byWorkload = new TreeMap<>();
		for (Record r : dsl.select(KEY_MODEL_DAY.WORKLOAD, KEY_MODEL_DAY.AUDIT_DATE, usd)
			.from(KEY_MODEL_DAY)
			.where(KEY_MODEL_DAY.AUDIT_DATE.between(from, to))
			.groupBy(KEY_MODEL_DAY.WORKLOAD, KEY_MODEL_DAY.AUDIT_DATE)
			.fetch()) {
			byWorkload.computeIfAbsent(r.get(KEY_MODEL_DAY.WORKLOAD), w -> new TreeMap<>())
				.put(r.get(KEY_MODEL_DAY.AUDIT_DATE), r.get(usd));
		}
		return byWorkload;
	}

	/** Each workload's spend per model and provider over the stored days {@code from .. to}, by workload and model. */
	public List<WorkloadModel> workloadModels(LocalDate from, LocalDate to) {
		var k = KEY_MODEL_DAY;
		Field<BigDecimal> usd = sum(k.USD);
		Field<BigDecimal> requests = sum(k.REQUESTS);
		Field<BigDecimal> failed = sum(k.FAILED_REQUESTS);
		Field<Integer> days = countDistinct(k.AUDIT_DATE);
		Field<LocalDate> first = min(k.AUDIT_DATE);
		Field<LocalDate> last = max(k.AUDIT_DATE);
		return dsl.select(k.WORKLOAD, k.MODEL, k.PROVIDER, usd, requests, failed, days, first, last)
			.from(k)
			.where(k.AUDIT_DATE.between(from, to))
			.groupBy(k.WORKLOAD, k.MODEL, k.PROVIDER)
			.orderBy(k.WORKLOAD, k.MODEL, k.PROVIDER)
			.fetch(r -> new WorkloadModel(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(),
					r.value6().longValue(), r.value7(), r.value8(), r.value9()));
	}

	/** Metered spend of the stored days {@code from .. to}, e.g. a month to date. */
	public BigDecimal usd(LocalDate from, LocalDate to) {
		BigDecimal usd = dsl.select(sum(KEY_MODEL_DAY.USD))
			.from(KEY_MODEL_DAY)
			.where(KEY_MODEL_DAY.AUDIT_DATE.between(from, to))
			.fetchOne(0, BigDecimal.class);
		return usd == null ? BigDecimal.ZERO : usd;
	}

	/** The days in {@code from .. to} that have facts, audited or rolled up. */
	public Set<LocalDate> daysWithFacts(LocalDate from, LocalDate to) {
		return new LinkedHashSet<>(dsl.select(AUDIT_DAY.AUDIT_DATE)
			.from(AUDIT_DAY)
			.where(AUDIT_DAY.AUDIT_DATE.between(from, to))
			.orderBy(AUDIT_DAY.AUDIT_DATE)
			.fetch(AUDIT_DAY.AUDIT_DATE));
	}

	/**
	 * The row spans the store keeps of one source's days in {@code from .. to} ({@link DayRowSpan}), by date; a day
	 * stored without one (before the span was read with the day, or read from the legacy table) is absent.
	 */
	public Map<LocalDate, DayRowSpan> rowSpans(String source, LocalDate from, LocalDate to) {
		Map<LocalDate, DayRowSpan> spans = new HashMap<>();
		for (SourceDayRecord r : dsl.selectFrom(SOURCE_DAY)
			.where(SOURCE_DAY.SOURCE.eq(source))
			.and(SOURCE_DAY.AUDIT_DATE.between(from, to))
			.and(SOURCE_DAY.ROW_SPAN_READ)
			.fetch()) {
			spans.put(r.getAuditDate(), new DayRowSpan(r.getFirstRowUtc(), r.getLastRowUtc(),
					r.getDayGapFromUtc() == null ? null : new RowGap(r.getDayGapFromUtc(), r.getDayGapToUtc())));
		}
		return spans;
	}

	/**
	 * The newest audited day on or before {@code date} (a day rolled up as history only is not audited, nor is one
	 * a gateway's part of is missing: the catch-up reads it again).
	 */
	public Optional<LocalDate> lastAuditedDay(LocalDate date) {
		return Optional.ofNullable(dsl.select(max(AUDIT_DAY.AUDIT_DATE))
			.from(AUDIT_DAY)
			.where(AUDIT_DAY.AUDITED_AT.isNotNull())
			.and(AUDIT_DAY.AUDIT_DATE.le(date))
			.andNotExists(selectOne().from(SOURCE_MISSING).where(SOURCE_MISSING.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE)))
			.fetchOne(0, LocalDate.class));
	}

	/**
	 * The days in {@code from .. to} only rolled up as history (not audited) whose part of one of {@code sources}
	 * is missing: rolled up while that gateway could not be read, to be rolled up again now that it can.
	 */
	public Set<LocalDate> rolledUpDaysMissing(LocalDate from, LocalDate to, Collection<String> sources) {
		if (sources.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(dsl.selectDistinct(SOURCE_MISSING.AUDIT_DATE)
			.from(SOURCE_MISSING)
			.join(AUDIT_DAY)
			.on(AUDIT_DAY.AUDIT_DATE.eq(SOURCE_MISSING.AUDIT_DATE))
			.where(SOURCE_MISSING.AUDIT_DATE.between(from, to))
			.and(AUDIT_DAY.AUDITED_AT.isNull())
			.and(SOURCE_MISSING.SOURCE.in(sources))
			.orderBy(SOURCE_MISSING.AUDIT_DATE)
			.fetch(SOURCE_MISSING.AUDIT_DATE));
	}

	/** The gateways whose part of the stored day is missing (they could not be read), by name, with why. */
	public Map<String, String> missingSources(LocalDate date) {
		Map<String, String> missing = new TreeMap<>();
		dsl.selectFrom(SOURCE_MISSING)
			.where(SOURCE_MISSING.AUDIT_DATE.eq(date))
			.forEach(r -> missing.put(r.getSource(), r.getReason()));
		return missing;
	}

	@Override
	public Set<String> on(LocalDate date) {
		return missingSources(date).keySet();
	}

	/** The newest day whose own job wrote its digest; days only rolled up as history do not count. */
	public Optional<LocalDate> lastAuditedDay() {
		return Optional.ofNullable(dsl.select(max(AUDIT_DAY.AUDIT_DATE))
			.from(AUDIT_DAY)
			.where(AUDIT_DAY.AUDITED_AT.isNotNull())
			.fetchOne(0, LocalDate.class));
	}

	/** The newest {@code limit} audited days, newest first, with their metered spend; rolled-up days do not count. */
	public List<AuditedDay> auditedDays(int limit) {
		Field<BigDecimal> usd = coalesce(sum(KEY_MODEL_DAY.USD), inline(BigDecimal.ZERO));
		return dsl.select(AUDIT_DAY.AUDIT_DATE, AUDIT_DAY.AUDITED_AT, AUDIT_DAY.AUDITED_JOB_EXECUTION_ID, usd)
			.from(AUDIT_DAY)
			.leftJoin(KEY_MODEL_DAY)
			.on(KEY_MODEL_DAY.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE))
			.where(AUDIT_DAY.AUDITED_AT.isNotNull())
			.groupBy(AUDIT_DAY.AUDIT_DATE, AUDIT_DAY.AUDITED_AT, AUDIT_DAY.AUDITED_JOB_EXECUTION_ID)
			.orderBy(AUDIT_DAY.AUDIT_DATE.desc())
			.limit(limit)
			.fetch(r -> new AuditedDay(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	/**
	 * Some key hashes' requests on one model on the day by prompt size, every bucket listed (zero when empty).
	 * Empty for a day of release 0.1.0, which did not keep prompt sizes.
	 */
	public List<PromptBucketCount> promptBuckets(LocalDate date, Collection<String> apiKeys, String model) {
		var p = PROMPT_BUCKET_DAY;
		Map<Long, Record> found = new HashMap<>();
		dsl.select(p.MIN_PROMPT_TOKENS, sum(p.REQUESTS), sum(p.USD))
			.from(p)
			.where(p.AUDIT_DATE.eq(date))
			.and(p.API_KEY.eq(any(apiKeys.toArray(String[]::new))))
			.and(p.MODEL.eq(model))
			.groupBy(p.MIN_PROMPT_TOKENS)
			.forEach(r -> found.put(r.value1(), r));
		if (found.isEmpty()) {
			return List.of();
		}
		List<PromptBucketCount> buckets = new ArrayList<>();
		for (long bound : PromptBucket.BOUNDS) {
			Record r = found.get(bound);
			buckets.add(r == null ? new PromptBucketCount(bound, 0, BigDecimal.ZERO)
					: new PromptBucketCount(bound, r.get(1, BigDecimal.class).longValue(), r.get(2, BigDecimal.class)));
		}
		return buckets;
	}

}
