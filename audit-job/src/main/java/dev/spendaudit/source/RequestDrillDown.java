package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.litellm.tables.LitellmBudgettable;
import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import dev.spendaudit.source.litellm.tables.LitellmVerificationtoken;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.percentileDisc;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/**
 * Per-request reads for explanations and checks, each bounded: the rows of a finding's own key hashes and model on
 * the audited day, or one budgeted key's rows since a moment. Every query filters on a {@code "startTime"} range
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
	 * The median request of some key hashes on one model on the day and its {@code limit} most expensive counted
	 * requests, in one statement: the pair's rows are found once (through the {@code "startTime"} index, filtered by
	 * key, since LiteLLM has no index on {@code api_key}), kept in a materialized CTE of five narrow columns, and both
	 * answers read from it.
	 */
	PairRequests pairRequests(AuditDay day, Collection<String> apiKeys, String model, String tagWorkload,
			int limit) {
		CommonTableExpression<?> pair = name("pair").asMaterialized(dsl
			.select(S.REQUEST_ID.as("id"), S.STARTTIME.as("at"), S.PROMPT_TOKENS.as("pt"),
					S.COMPLETION_TOKENS.as("ct"), S.SPEND.as("usd"), field(scan.counted()).as("counted"))
			.from(S)
			.where(ofPair(day, apiKeys, model, tagWorkload)));
		Field<String> id = pair.field("id", String.class);
		Field<Double> usd = pair.field("usd", Double.class);
		Field<Integer> pt = pair.field("pt", Integer.class);
		Field<Integer> ct = pair.field("ct", Integer.class);
		// the top rows first (kind 1, in their order), then the one median row (kind 0)
		Table<?> top = dsl.select(inline(1).as("kind"), id, pair.field("at", LocalDateTime.class), pt, ct,
				usd.cast(SQLDataType.NUMERIC).as("usd"), inline(null, SQLDataType.NUMERIC).as("mp"),
				inline(null, SQLDataType.NUMERIC).as("mc"),
				rowNumber().over(orderBy(usd.desc(), id)).as("n"))
			.from(pair)
			.where(pair.field("counted", Boolean.class))
			.orderBy(usd.desc(), id)
			.limit(limit)
			.asTable("t");
		var median = dsl.select(inline(0), inline(null, SQLDataType.VARCHAR), inline(null, SQLDataType.LOCALDATETIME),
				inline(null, SQLDataType.INTEGER), inline(null, SQLDataType.INTEGER), inline(null, SQLDataType.NUMERIC),
				percentileDisc(0.5).withinGroupOrderBy(pt), percentileDisc(0.5).withinGroupOrderBy(ct),
				inline(0L))
			.from(pair);
		Table<?> both = dsl.select(top.fields()).from(top).unionAll(median).asTable("b");
		MedianRequest middle = new MedianRequest(null, null);
		List<RequestSample> samples = new ArrayList<>();
		for (Record r : dsl.with(pair).select(both.fields()).from(both).orderBy(both.field(0).desc(),
				both.field(8)).fetch()) {
			if (r.get(0, Integer.class) == 0) {
				middle = new MedianRequest(longOrNull(r.get(6)), longOrNull(r.get(7)));
			}
			else {
				samples.add(new RequestSample(r.get(1, String.class), r.get(2, LocalDateTime.class),
						r.get(3, Long.class), r.get(4, Long.class), r.get(5, BigDecimal.class)));
			}
		}
		return new PairRequests(middle, samples);
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

	private Condition ofPair(AuditDay day, Collection<String> apiKeys, String model, String tagWorkload) {
		return DaySpendScan.inWindow(day)
			.and(KeySet.among(S.API_KEY, apiKeys.toArray(String[]::new)))
			.and(scan.modelName().eq(model))
			.and(scan.ofTagWorkload(tagWorkload));
	}

	private static Long longOrNull(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

}
