package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import dev.spendaudit.source.litellm.tables.LitellmVerificationtoken;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static dev.spendaudit.source.litellm.Tables.LITELLM_VERIFICATIONTOKEN;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.percentileDisc;
import static org.jooq.impl.DSL.sum;

/**
 * Per-request reads for explanations and checks: every query is a range scan on the day's {@code "startTime"}
 * window, narrowed by key hash where it can be, selecting only the columns it needs (never {@code metadata}).
 */
final class RequestDrillDown {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	private static final LitellmVerificationtoken T = LITELLM_VERIFICATIONTOKEN;

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	private final DaySpendScan scan;

	RequestDrillDown(DSLContext dsl, SourceCapabilities capabilities, DaySpendScan scan) {
		this.dsl = dsl;
		this.capabilities = capabilities;
		this.scan = scan;
	}

	PromptSizes promptSizes(AuditDay day, Collection<String> apiKeys, String model, long[] bounds) {
		List<SelectField<?>> fields = new ArrayList<>();
		List<Condition> buckets = new ArrayList<>();
		for (int i = 0; i <= bounds.length; i++) {
			Condition c = noCondition();
			if (i > 0) {
				c = c.and(S.PROMPT_TOKENS.ge((int) bounds[i - 1]));
			}
			if (i < bounds.length) {
				c = c.and(S.PROMPT_TOKENS.lt((int) bounds[i]));
			}
			buckets.add(c);
			fields.add(count().filterWhere(c));
			fields.add(sum(S.SPEND.cast(SQLDataType.NUMERIC)).filterWhere(c.and(DaySpendScan.VALID_SPEND)));
		}
		fields.add(percentileDisc(0.5).withinGroupOrderBy(S.PROMPT_TOKENS));
		fields.add(percentileDisc(0.5).withinGroupOrderBy(S.COMPLETION_TOKENS));
		Record r = dsl.select(fields).from(S).where(ofPair(day, apiKeys, model)).fetchOne();
		List<PromptSizes.Bucket> result = new ArrayList<>();
		for (int i = 0; i <= bounds.length; i++) {
			BigDecimal usd = (BigDecimal) r.get(2 * i + 1);
			result.add(new PromptSizes.Bucket(i == 0 ? 0 : bounds[i - 1], i < bounds.length ? bounds[i] : null,
					((Number) r.get(2 * i)).longValue(), usd == null ? BigDecimal.ZERO : usd));
		}
		int n = 2 * (bounds.length + 1);
		return new PromptSizes(result, longOrNull(r.get(n)), longOrNull(r.get(n + 1)));
	}

	List<RequestSample> topRequests(AuditDay day, Collection<String> apiKeys, String model, int limit) {
		Field<BigDecimal> usd = S.SPEND.cast(SQLDataType.NUMERIC);
		return dsl.select(S.REQUEST_ID, S.STARTTIME, S.PROMPT_TOKENS, S.COMPLETION_TOKENS, usd)
			.from(S)
			.where(ofPair(day, apiKeys, model))
			.and(DaySpendScan.VALID_SPEND)
			.orderBy(S.SPEND.desc(), S.REQUEST_ID)
			.limit(limit)
			.fetch(r -> new RequestSample(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
	}

	/** Successful, uncached calls with tokens and zero spend, by key, model and provider. */
	List<UnpricedCalls> unpricedCalls(AuditDay day) {
		Field<String> key = coalesce(S.API_KEY, inline(""));
		Field<String> model = scan.modelName();
		Field<String> provider = capabilities.hasSpendLogColumn("custom_llm_provider")
				? coalesce(S.CUSTOM_LLM_PROVIDER, inline("")) : inline("");
		// without a status column a failure cannot be told apart, except that it produced no completion
		Condition succeeded = capabilities.hasSpendLogColumn("status") ? coalesce(S.STATUS, inline("")).ne("failure")
				: S.COMPLETION_TOKENS.gt(0);
		Condition uncached = capabilities.hasSpendLogColumn("cache_hit") ? coalesce(S.CACHE_HIT, inline("")).ne("True")
				: noCondition();
		return dsl
			.select(key, model, provider, count(), sum(S.PROMPT_TOKENS), sum(S.COMPLETION_TOKENS))
			.from(S)
			.where(DaySpendScan.inWindow(day))
			.and(S.SPEND.eq(0.0))
			.and(S.PROMPT_TOKENS.plus(S.COMPLETION_TOKENS).gt(0))
			.and(succeeded)
			.and(uncached)
			.groupBy(key, model, provider)
			.orderBy(model, provider, key)
			.fetch(r -> new UnpricedCalls(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(),
					r.value6().longValue()));
	}

	/** A key's logged spend in {@code [fromUtc, toUtc)} (valid spend only). */
	BigDecimal keySpend(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc) {
		BigDecimal usd = dsl.select(sum(S.SPEND.cast(SQLDataType.NUMERIC)))
			.from(S)
			.where(S.STARTTIME.ge(fromUtc).and(S.STARTTIME.lt(toUtc)))
			.and(S.API_KEY.eq(apiKey))
			.and(DaySpendScan.VALID_SPEND)
			.fetchOne(0, BigDecimal.class);
		return usd == null ? BigDecimal.ZERO : usd;
	}

	/** Keys with their own {@code max_budget}; empty on a LiteLLM without the budget columns. */
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
		return dsl.select(T.TOKEN, T.SPEND, T.MAX_BUDGET, duration, resetAt)
			.from(T)
			.where(T.MAX_BUDGET.gt(0.0))
			.and(live)
			.orderBy(T.TOKEN)
			.fetch(r -> new KeyBudget(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
	}

	private Condition ofPair(AuditDay day, Collection<String> apiKeys, String model) {
		return DaySpendScan.inWindow(day)
			.and(S.API_KEY.eq(any(apiKeys.toArray(String[]::new))))
			.and(scan.modelName().eq(model));
	}

	private static Long longOrNull(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

}
