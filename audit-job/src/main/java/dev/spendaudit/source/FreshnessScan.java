package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.spendaudit.core.AuditDay;

import dev.spendaudit.source.litellm.tables.LitellmDailyuserspend;
import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import dev.spendaudit.source.litellm.tables.LitellmVerificationtoken;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.source.litellm.Tables.LITELLM_DAILYUSERSPEND;
import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static dev.spendaudit.source.litellm.Tables.LITELLM_VERIFICATIONTOKEN;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

/**
 * What tells a silent spend log from an idle gateway: the log's own newest row and longest gap (read on
 * {@code "startTime"} alone, so the index answers them), the hours after the last stored day, and the signals
 * LiteLLM keeps writing when spend logs are off (the daily aggregates and the keys' spend counters). Every
 * spend-log query is bounded by a {@code "startTime"} range.
 */
final class FreshnessScan {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	private static final LitellmDailyuserspend A = LITELLM_DAILYUSERSPEND;

	private static final LitellmVerificationtoken T = LITELLM_VERIFICATIONTOKEN;

	/**
	 * The longest gap between consecutive rows that starts at or after the row before {@code from} and ends
	 * before {@code to}: LAG over a {@code "startTime"} range scan, plus the one row before the window so a hole
	 * that began earlier is measured from its real start.
	 */
	private static final String LONGEST_GAP = """
			with w as (
			  select "startTime" as t from "LiteLLM_SpendLogs" where "startTime" >= ? and "startTime" < ?
			  union all
			  (select "startTime" from "LiteLLM_SpendLogs" where "startTime" < ? order by "startTime" desc limit 1)
			), g as (
			  select lag(t) over (order by t) as prev, t from w
			)
			select prev, t from g where prev is not null order by t - prev desc, t limit 1
			""";

	/**
	 * The longest gap between two consecutive rows of {@code [from, to)}: LAG over one index-only range scan, which
	 * already yields the rows in order, so nothing is sorted but the one row kept.
	 */
	private static final String LONGEST_GAP_WITHIN = """
			select prev, t from (
			  select lag("startTime") over (order by "startTime") as prev, "startTime" as t
			  from "LiteLLM_SpendLogs" where "startTime" >= ? and "startTime" < ?
			) g where prev is not null order by t - prev desc, t limit 1
			""";

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	/** The day's scan of the spend log: the rows whose spend every sum counts, the row before a window. */
	private final DaySpendScan scan;

	/** The rows whose spend every sum counts. */
	private final Condition counted;

	FreshnessScan(DSLContext dsl, SourceCapabilities capabilities, DaySpendScan scan) {
		this.dsl = dsl;
		this.capabilities = capabilities;
		this.scan = scan;
		this.counted = scan.counted();
	}

	/**
	 * How current the log is, as seen from the end of {@code day} and from {@code nowUtc}: the newest row of all (a
	 * backward index scan) and the longest gap between rows over {@code [end − gapWindow, end)}. Where the window is
	 * exactly the day and earlier days whose spans the store keeps ({@code stored}: a date's span, or null), the gap
	 * is put together from those spans and the row before the window (an index lookup); otherwise (a window that
	 * does not start at a day's start, or a day stored without its span) the window's rows are read on
	 * {@code "startTime"} alone.
	 */
	LogFreshness logFreshness(DayFacts day, Duration gapWindow, LocalDateTime nowUtc,
			Function<LocalDate, DayRowSpan> stored) {
		AuditDay audited = day.day();
		LocalDateTime from = audited.toUtc().minus(gapWindow);
		List<DayRowSpan> spans = day.rowSpan() == null ? null
				: RowGaps.spansOf(audited, from, day.rowSpan(), stored);
		RowGap gap = spans == null ? longestGap(from, audited.toUtc()).orElse(null)
				: RowGaps.longest(scan.newestRowBefore(from), spans).orElse(null);
		return new LogFreshness(nowUtc, newestRow(), from, gap);
	}

	/** The newest row of all, whatever its time. */
	LocalDateTime newestRow() {
		return dsl.select(max(S.STARTTIME)).from(S).fetchOne(0, LocalDateTime.class);
	}

	Optional<RowGap> longestGap(LocalDateTime from, LocalDateTime to) {
		Record r = dsl.resultQuery(LONGEST_GAP, from, to, from).fetchOne();
		return r == null ? Optional.empty()
				: Optional.of(new RowGap(r.get(0, LocalDateTime.class), r.get(1, LocalDateTime.class)));
	}

	/** The first and last row of {@code [from, to)} and the longest gap between two of its rows. */
	DayRowSpan rowSpan(LocalDateTime from, LocalDateTime to) {
		Record r = dsl.select(min(S.STARTTIME), max(S.STARTTIME))
			.from(S)
			.where(S.STARTTIME.ge(from).and(S.STARTTIME.lt(to)))
			.fetchOne();
		LocalDateTime first = r == null ? null : r.get(0, LocalDateTime.class);
		if (first == null) {
			return DayRowSpan.EMPTY;
		}
		Record g = dsl.resultQuery(LONGEST_GAP_WITHIN, from, to).fetchOne();
		return new DayRowSpan(first, r.get(1, LocalDateTime.class),
				g == null ? null : new RowGap(g.get(0, LocalDateTime.class), g.get(1, LocalDateTime.class)));
	}

	/**
	 * Rows per hour (the hour's start, UTC) in {@code [from, to)}; hours without rows are absent. Asked only for the
	 * hours after the last stored day, which no day's facts cover yet.
	 */
	Map<LocalDateTime, Long> rowsByHour(LocalDateTime from, LocalDateTime to) {
		Field<LocalDateTime> hour = field("date_trunc('hour', {0})", LocalDateTime.class, S.STARTTIME);
		return dsl.select(hour, count())
			.from(S)
			.where(S.STARTTIME.ge(from).and(S.STARTTIME.lt(to)))
			.groupBy(hour)
			.fetchMap(r -> r.value1(), r -> r.value2().longValue());
	}

	/**
	 * {@code "LiteLLM_DailyUserSpend"} per UTC day and key, summed: the table may hold several rows per logical
	 * bucket (NULL columns in its unique index), so never one row per bucket.
	 */
	List<KeyDayCount> aggregatedByDayAndKey(LocalDate first, LocalDate last) {
		Field<Long> successes = capabilities.hasColumn(SourceCapabilities.DAILY_USER_SPEND, "successful_requests")
				? sumLong(A.SUCCESSFUL_REQUESTS) : sumLong(A.API_REQUESTS);
		return dsl.select(A.DATE, A.API_KEY, sumLong(A.API_REQUESTS), successes,
				coalesce(sum(A.SPEND.cast(SQLDataType.NUMERIC)), inline(BigDecimal.ZERO)))
			.from(A)
			.where(A.DATE.between(first.toString(), last.toString()))
			.groupBy(A.DATE, A.API_KEY)
			.fetch(r -> new KeyDayCount(LocalDate.parse(r.value1()), r.value2(), r.value3(), r.value4(), r.value5()));
	}

	/** Whether the daily aggregates have any row for {@code first .. last}: whether LiteLLM still writes them. */
	boolean aggregatesHaveRows(LocalDate first, LocalDate last) {
		return dsl.fetchExists(dsl.selectOne().from(A).where(A.DATE.between(first.toString(), last.toString())));
	}

	/** Every key's spend counters now. */
	List<KeyCounter> keyCounters() {
		Field<Double> total = capabilities.hasColumn(SourceCapabilities.TOKENS, "total_spend") ? T.TOTAL_SPEND
				: inline(null, Double.class);
		Field<LocalDateTime> resetAt = capabilities.hasColumn(SourceCapabilities.TOKENS, "budget_reset_at")
				? T.BUDGET_RESET_AT : inline(null, LocalDateTime.class);
		return dsl.select(T.TOKEN, T.SPEND, total, resetAt)
			.from(T)
			.fetch(r -> new KeyCounter(r.value1(), r.value2() == null ? 0 : r.value2(), r.value3(), r.value4()));
	}

	/** The spend log per key in {@code [from, to)}, optionally only for some keys. */
	List<KeySpend> loggedByKey(LocalDateTime from, LocalDateTime to, String[] onlyKeys) {
		Field<String> key = coalesce(S.API_KEY, inline(""));
		var where = S.STARTTIME.ge(from).and(S.STARTTIME.lt(to));
		if (onlyKeys != null) {
			where = where.and(KeySet.among(S.API_KEY, onlyKeys));
		}
		return dsl.select(key, count(), validSpend(), max(S.STARTTIME))
			.from(S)
			.where(where)
			.groupBy(key)
			.fetch(r -> new KeySpend(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	/** The row times of some keys in {@code [from, to)}, oldest first. */
	List<LocalDateTime> rowTimes(String[] keys, LocalDateTime from, LocalDateTime to) {
		return dsl.select(S.STARTTIME)
			.from(S)
			.where(S.STARTTIME.ge(from).and(S.STARTTIME.lt(to)))
			.and(KeySet.among(S.API_KEY, keys))
			.orderBy(S.STARTTIME)
			.fetch(S.STARTTIME);
	}

	/** The newest row of some keys before {@code before}, looking back no further than {@code notBefore}. */
	LocalDateTime newestRowOf(String[] keys, LocalDateTime notBefore, LocalDateTime before) {
		return dsl.select(max(S.STARTTIME))
			.from(S)
			.where(S.STARTTIME.ge(notBefore).and(S.STARTTIME.lt(before)))
			.and(KeySet.among(S.API_KEY, keys))
			.fetchOne(0, LocalDateTime.class);
	}

	/** The spend of the rows every sum counts ({@link DaySpendScan#counted()}). */
	private Field<BigDecimal> validSpend() {
		return coalesce(sum(S.SPEND.cast(SQLDataType.NUMERIC)).filterWhere(counted),
				inline(BigDecimal.ZERO));
	}

	private static Field<Long> sumLong(Field<Long> column) {
		return coalesce(sum(column), inline(BigDecimal.ZERO)).cast(SQLDataType.BIGINT);
	}

}
