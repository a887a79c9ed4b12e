package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.litellm.tables.LitellmBudgettable;
import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import dev.spendaudit.source.litellm.tables.LitellmVerificationtoken;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row4;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.source.litellm.Tables.LITELLM_BUDGETTABLE;
import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static dev.spendaudit.source.litellm.Tables.LITELLM_VERIFICATIONTOKEN;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.percentileDisc;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

/**
 * Per-request reads for explanations and checks, each bounded: the rows of some findings' own key hashes and models
 * on the audited day, or one budgeted key's rows since a moment. Every query filters on a {@code "startTime"} range
 * and the key hashes, selecting only the columns it needs (never {@code metadata}).
 */
final class RequestDrillDown {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	private static final LitellmVerificationtoken T = LITELLM_VERIFICATIONTOKEN;

	private static final LitellmBudgettable B = LITELLM_BUDGETTABLE;

	private static final String BUDGETS = SourceCapabilities.BUDGETS;

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	private final DaySpendScan scan;

	RequestDrillDown(DSLContext dsl, SourceCapabilities capabilities, DaySpendScan scan) {
		this.dsl = dsl;
		this.capabilities = capabilities;
		this.scan = scan;
	}

	/**
	 * For each pair, the median request of its key hashes on its model on the day and its {@code limit} most
	 * expensive counted requests, in one statement for all of them: the day's rows are passed over once (through
	 * the {@code "startTime"} index; LiteLLM has no index on {@code api_key}) and joined to the pairs' key hashes and
	 * models, the matching rows kept in a materialized CTE of a few narrow columns, and both answers read from it per
	 * pair. A pair without rows has no top requests and an unknown median.
	 */
	Map<RequestPair, PairRequests> pairRequests(AuditDay day, Collection<RequestPair> pairs, int limit) {
		List<RequestPair> list = List.copyOf(new LinkedHashSet<>(pairs));
		List<Row4<Integer, String, String, String>> keys = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			for (String key : list.get(i).apiKeys()) {
				keys.add(row(inline(i), val(key), val(list.get(i).model()),
						val(list.get(i).tagWorkload(), SQLDataType.VARCHAR)));
			}
		}
		Map<Integer, MedianRequest> medians = new HashMap<>();
		Map<Integer, List<RequestSample>> samples = new HashMap<>();
		if (!keys.isEmpty()) {
			read(day, keys, limit, medians, samples);
		}
		Map<RequestPair, PairRequests> requests = new LinkedHashMap<>();
		for (int n = 0; n < list.size(); n++) {
			requests.put(list.get(n), new PairRequests(medians.getOrDefault(n, MedianRequest.UNKNOWN),
					samples.getOrDefault(n, List.of())));
		}
		return requests;
	}

	/**
	 * The one statement over the pairs' key hashes ({@code keys}: pair index, key hash, model, tag workload): each
	 * pair's median into {@code medians} and its top requests into {@code samples}, by pair index.
	 */
	private void read(AuditDay day, List<Row4<Integer, String, String, String>> keys, int limit,
			Map<Integer, MedianRequest> medians, Map<Integer, List<RequestSample>> samples) {
		@SuppressWarnings("unchecked")
		Table<?> p = values(keys.toArray(Row4[]::new)).as("p", "i", "k", "m", "tw");
		Field<Integer> pi = p.field("i", Integer.class);
		CommonTableExpression<?> pair = name("pair").asMaterialized(dsl
			.select(pi.as("i"), S.REQUEST_ID.as("id"), S.STARTTIME.as("at"), S.PROMPT_TOKENS.as("pt"),
					S.COMPLETION_TOKENS.as("ct"), S.SPEND.as("usd"), field(scan.counted()).as("counted"))
			.from(S)
			.join(p)
			.on(S.API_KEY.eq(p.field("k", String.class)))
			.and(scan.modelName().eq(p.field("m", String.class)))
			.and(scan.ofTagWorkload(p.field("tw", String.class)))
			.where(DaySpendScan.inWindow(day)));
		Field<Integer> i = pair.field("i", Integer.class);
		Field<String> id = pair.field("id", String.class);
		Field<Double> usd = pair.field("usd", Double.class);
		Field<Integer> pt = pair.field("pt", Integer.class);
		Field<Integer> ct = pair.field("ct", Integer.class);
		// each pair's top rows first (kind 1, in their order), then its one median row (kind 0)
		Table<?> ranked = dsl.select(inline(1).as("kind"), i, id, pair.field("at", LocalDateTime.class), pt, ct,
				usd.cast(SQLDataType.NUMERIC).as("usd"), inline(null, SQLDataType.NUMERIC).as("mp"),
				inline(null, SQLDataType.NUMERIC).as("mc"),
				rowNumber().over(partitionBy(i).orderBy(usd.desc(), id)).as("n"))
			.from(pair)
			.where(pair.field("counted", Boolean.class))
			.asTable("r");
		var top = dsl.select(ranked.fields()).from(ranked).where(ranked.field("n", Integer.class).le(limit));
		var median = dsl.select(inline(0), i, inline(null, SQLDataType.VARCHAR),
				inline(null, SQLDataType.LOCALDATETIME), inline(null, SQLDataType.INTEGER),
				inline(null, SQLDataType.INTEGER), inline(null, SQLDataType.NUMERIC),
				percentileDisc(0.5).withinGroupOrderBy(pt), percentileDisc(0.5).withinGroupOrderBy(ct), inline(0L))
			.from(pair)
			.groupBy(i);
		Table<?> both = top.unionAll(median).asTable("b");
		for (Record r : dsl.with(pair).select(both.fields()).from(both).orderBy(both.field(1), both.field(0).desc(),
				both.field(9)).fetch()) {
			int of = r.get(1, Integer.class);
			if (r.get(0, Integer.class) == 0) {
				medians.put(of, new MedianRequest(longOrNull(r.get(7)), longOrNull(r.get(8))));
			}
			else {
				samples.computeIfAbsent(of, k -> new ArrayList<>())
					.add(new RequestSample(r.get(2, String.class), r.get(3, LocalDateTime.class), r.get(4, Long.class),
							r.get(5, Long.class), r.get(6, BigDecimal.class)));
			}
		}
	}

	/** A key's logged spend in {@code [fromUtc, toUtc)} (valid spend only). */
	BigDecimal keySpend(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc) {
		BigDecimal usd = dsl.select(sum(S.SPEND.cast(SQLDataType.NUMERIC)))
			.from(S)
			.where(S.STARTTIME.ge(fromUtc).and(S.STARTTIME.lt(toUtc)))
			.and(S.API_KEY.eq(apiKey))
			.and(scan.counted())
			.fetchOne(0, BigDecimal.class);
		return usd == null ? BigDecimal.ZERO : usd;
	}

	/**
	 * Keys with a budget: their own {@code max_budget}, else the shared budget their {@code budget_id} names
	 * ({@code "LiteLLM_BudgetTable"}, where the version has it), its limit and reset with it; empty on a LiteLLM
	 * without the budget columns.
	 */
	List<KeyBudget> keyBudgets(LocalDateTime asOfUtc) {
		if (!capabilities.hasColumn(SourceCapabilities.TOKENS, "max_budget")
				|| !capabilities.hasColumn(SourceCapabilities.TOKENS, "spend")) {
			return List.of();
		}
		Field<String> duration = capabilities.hasColumn(SourceCapabilities.TOKENS, "budget_duration")
				? T.BUDGET_DURATION : inline((String) null);
		Field<LocalDateTime> resetAt = capabilities.hasColumn(SourceCapabilities.TOKENS, "budget_reset_at")
				? T.BUDGET_RESET_AT : inline((LocalDateTime) null);
		Condition live = capabilities.hasColumn(SourceCapabilities.TOKENS, "expires")
				? T.EXPIRES.isNull().or(T.EXPIRES.gt(asOfUtc)) : noCondition();
		if (!sharedBudgets()) {
			return dsl.select(T.TOKEN, T.SPEND, T.MAX_BUDGET, duration, resetAt)
				.from(T)
				.where(T.MAX_BUDGET.gt(0.0))
				.and(live)
				.orderBy(T.TOKEN)
				.fetch(r -> new KeyBudget(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), null));
		}
		// a key's own limit wins, with its own reset; only a key without one takes its budget row's
		Condition own = T.MAX_BUDGET.isNotNull();
		Field<String> budgetDuration = capabilities.hasColumn(BUDGETS, "budget_duration") ? B.BUDGET_DURATION
				: inline((String) null);
		Field<LocalDateTime> budgetResetAt = capabilities.hasColumn(BUDGETS, "budget_reset_at") ? B.BUDGET_RESET_AT
				: inline((LocalDateTime) null);
		Field<Double> max = coalesce(T.MAX_BUDGET, B.MAX_BUDGET);
		return dsl.select(T.TOKEN, T.SPEND, max, when(own, duration).otherwise(budgetDuration),
				when(own, resetAt).otherwise(budgetResetAt), when(own, inline((String) null)).otherwise(B.BUDGET_ID))
			.from(T)
			.leftJoin(B)
			.on(B.BUDGET_ID.eq(T.BUDGET_ID))
			.where(max.gt(0.0))
			.and(live)
			.orderBy(T.TOKEN)
			.fetch(r -> new KeyBudget(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
	}

	/** Whether keys can name a shared budget: the key table's {@code budget_id} and the budget table's limit. */
	private boolean sharedBudgets() {
		return capabilities.hasColumn(SourceCapabilities.TOKENS, "budget_id")
				&& capabilities.hasColumn(BUDGETS, "budget_id") && capabilities.hasColumn(BUDGETS, "max_budget");
	}

	private static Long longOrNull(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

}
