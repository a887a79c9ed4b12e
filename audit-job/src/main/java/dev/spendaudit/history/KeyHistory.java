package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.CountedValue;
import dev.spendaudit.source.Workload;
import org.jooq.DSLContext;
import org.jooq.Field;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static dev.spendaudit.store.jooq.Tables.SOURCE_DAY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

/**
 * Keys as the stored days saw them: which hashes a workload used, which workload a hash was attributed to, and a
 * few keys' recent traffic.
 */
public class KeyHistory {

	/** Models listed per key, most calls first. */
	static final int TOP_MODELS = 5;

	private final DSLContext dsl;

	public KeyHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Key hashes attributed to {@code workload} on the stored days {@code from .. to}. */
	public List<String> keysOfWorkload(String workload, LocalDate from, LocalDate to) {
		return keysOfWorkload(workload, null, from, to);
	}

	/** The same, of one gateway's days only ({@code source} null: every gateway's). */
	public List<String> keysOfWorkload(String workload, String source, LocalDate from, LocalDate to) {
		return dsl.selectDistinct(KEY_MODEL_DAY.API_KEY)
			.from(KEY_MODEL_DAY)
			.where(KEY_MODEL_DAY.WORKLOAD.eq(workload))
			.and(source == null ? noCondition() : KEY_MODEL_DAY.SOURCE.eq(source))
			.and(KEY_MODEL_DAY.AUDIT_DATE.between(from, to))
			.and(KEY_MODEL_DAY.API_KEY.ne(""))
			.orderBy(KEY_MODEL_DAY.API_KEY)
			.fetch(KEY_MODEL_DAY.API_KEY);
	}

	/** The workload each hash was attributed to on its newest stored day in {@code from .. to}; others are absent. */
	public Map<String, Workload> workloads(Collection<String> apiKeys, LocalDate from, LocalDate to) {
		Map<String, Workload> workloads = new HashMap<>();
		if (apiKeys.isEmpty()) {
			return workloads;
		}
		var k = KEY_MODEL_DAY;
		dsl.select(k.API_KEY, k.WORKLOAD, k.ATTRIBUTION)
			.distinctOn(k.API_KEY)
			.from(k)
			.where(k.AUDIT_DATE.between(from, to))
			.and(k.API_KEY.eq(any(apiKeys.toArray(String[]::new))))
			.orderBy(k.API_KEY, k.AUDIT_DATE.desc(), k.ATTRIBUTION)
			.forEach(r -> workloads.put(r.value1(), new Workload(r.value2(), Attribution.valueOf(r.value3()))));
		return workloads;
	}

	/**
	 * Some hashes' traffic on the stored days ending with {@code date}, looking back {@code days} (at least 7): the
	 * newest row, the day's and the last 7 days' requests and spend, and the models they called.
	 */
	public KeyTraffic traffic(Collection<String> apiKeys, LocalDate date, int days) {
		if (apiKeys.isEmpty()) {
			return KeyTraffic.NONE;
		}
		var k = KEY_MODEL_DAY;
		String[] keys = apiKeys.toArray(String[]::new);
		LocalDate week = date.minusDays(6);
		LocalDate first = date.minusDays(Math.max(7, days) - 1);
		var totals = dsl
			.select(max(k.NEWEST_START_UTC), count().filterWhere(k.NEWEST_START_UTC.isNull().and(k.REQUESTS.gt(0L))),
					sum(k.REQUESTS), sum(k.REQUESTS).filterWhere(k.AUDIT_DATE.eq(date)),
					sum(k.REQUESTS).filterWhere(k.AUDIT_DATE.ge(week)),
					coalesce(sum(k.USD).filterWhere(k.AUDIT_DATE.ge(week)), inline(BigDecimal.ZERO)))
			.from(k)
			.where(k.AUDIT_DATE.between(first, date))
			.and(k.API_KEY.eq(any(keys)))
			.fetchOne();
		Field<BigDecimal> requests = sum(k.REQUESTS);
		Field<LocalDateTime> lastSeen = max(k.NEWEST_START_UTC);
		List<CountedValue> models = dsl.select(k.MODEL, requests, lastSeen)
			.from(k)
			.where(k.AUDIT_DATE.between(first, date))
			.and(k.API_KEY.eq(any(keys)))
			.and(k.MODEL.ne(""))
			.groupBy(k.MODEL)
			.orderBy(requests.desc(), k.MODEL)
			.limit(TOP_MODELS)
			.fetch(r -> new CountedValue(r.value1(), r.value2().longValue(), r.value3()));
		return new KeyTraffic(totals.value1(), totals.value2() == 0, longOf(totals.value3()), longOf(totals.value4()),
				longOf(totals.value5()), totals.value6(), models);
	}

	/**
	 * A key's spend on each stored day of {@code source} whose window lies inside {@code [fromUtc, toUtc)}, oldest
	 * first; a stored day without its calls counts zero.
	 */
	public List<KeyDaySpend> spendOnDays(String apiKey, String source, LocalDateTime fromUtc, LocalDateTime toUtc) {
		var k = KEY_MODEL_DAY;
		Field<BigDecimal> usd = coalesce(sum(k.USD), inline(BigDecimal.ZERO));
		return dsl.select(AUDIT_DAY.WINDOW_START_UTC, AUDIT_DAY.WINDOW_END_UTC, usd)
			.from(AUDIT_DAY)
			.join(SOURCE_DAY)
			.on(SOURCE_DAY.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE).and(SOURCE_DAY.SOURCE.eq(source)))
			.leftJoin(k)
			.on(k.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE).and(k.SOURCE.eq(source)).and(k.API_KEY.eq(apiKey)))
			.where(AUDIT_DAY.WINDOW_START_UTC.ge(fromUtc))
			.and(AUDIT_DAY.WINDOW_END_UTC.le(toUtc))
			.groupBy(AUDIT_DAY.AUDIT_DATE, AUDIT_DAY.WINDOW_START_UTC, AUDIT_DAY.WINDOW_END_UTC)
			.orderBy(AUDIT_DAY.WINDOW_START_UTC)
			.fetch(r -> new KeyDaySpend(r.value1(), r.value2(), r.value3()));
	}

	private static long longOf(BigDecimal value) {
		return value == null ? 0 : value.longValue();
	}

}
