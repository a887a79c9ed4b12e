package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.sum;

/**
 * The day's spend log, aggregated in PostgreSQL: one range scan on {@code "startTime"} grouped by key hash, model
 * and provider. Memory grows with the number of groups (keys times models), never with the number of rows.
 */
final class DaySpendScan {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	/** NaN, the infinities and negative values are not money; PostgreSQL orders NaN above 'Infinity'. */
	static final Condition VALID_SPEND = condition("{0} >= 0 and {0} < 'Infinity'::float8", S.SPEND);

	static final Condition NON_OBJECT_METADATA = S.METADATA.isNotNull()
		.and(condition("jsonb_typeof({0}) <> 'object'", S.METADATA));

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	DaySpendScan(DSLContext dsl, SourceCapabilities capabilities) {
		this.dsl = dsl;
		this.capabilities = capabilities;
	}

	List<SpendGroup> groups(AuditDay day) {
		Field<String> key = coalesce(S.API_KEY, inline(""));
		Field<String> model = modelName();
		Field<String> provider = optionalText("custom_llm_provider", S.CUSTOM_LLM_PROVIDER);
		Field<Integer> failed = capabilities.hasSpendLogColumn("status")
				? count().filterWhere(S.STATUS.eq("failure")) : inline(0);
		Field<Integer> cacheHits = capabilities.hasSpendLogColumn("cache_hit")
				? count().filterWhere(S.CACHE_HIT.eq("True")) : inline(0);
		return dsl
			.select(key, model, provider, count(), failed, cacheHits, tokens(S.PROMPT_TOKENS),
					tokens(S.COMPLETION_TOKENS),
					coalesce(sum(S.SPEND.cast(SQLDataType.NUMERIC)).filterWhere(VALID_SPEND), inline(BigDecimal.ZERO)),
					count().filterWhere(not(VALID_SPEND)), count().filterWhere(NON_OBJECT_METADATA))
			.from(S)
			.where(inWindow(day))
			.groupBy(key, model, provider)
			.fetch(r -> new SpendGroup(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7().longValue(), r.value8().longValue(), r.value9(), r.value10(), r.value11()));
	}

	/** The newest spend-log row that started before {@code before} (a backward index scan). */
	LocalDateTime newestRowBefore(LocalDateTime before) {
		return dsl.select(max(S.STARTTIME)).from(S).where(S.STARTTIME.lt(before)).fetchOne(0, LocalDateTime.class);
	}

	/** Up to {@code limit} rows of the day that were left out of the sums or carry non-object metadata. */
	List<AnomalousRow> anomalousRows(AuditDay day, int limit) {
		Field<String> reason = org.jooq.impl.DSL.when(not(VALID_SPEND), inline(AnomalousRow.INVALID_SPEND))
			.otherwise(inline(AnomalousRow.INVALID_METADATA));
		return dsl.select(S.REQUEST_ID, S.STARTTIME, reason)
			.from(S)
			.where(inWindow(day))
			.and(not(VALID_SPEND).or(NON_OBJECT_METADATA))
			.orderBy(S.STARTTIME, S.REQUEST_ID)
			.limit(limit)
			.fetch(r -> new AnomalousRow(r.value1(), r.value2(), r.value3()));
	}

	/**
	 * Rows per calendar date in {@code zone}, model and provider over {@code [fromUtc, toUtc)}: what flat-fee plans
	 * carried over the last 30 days and the month's metered spend, in one range scan.
	 */
	List<ModelDayUsage> usageByDayAndModel(LocalDateTime fromUtc, LocalDateTime toUtc, ZoneId zone) {
		Field<LocalDate> date = field("(({0} at time zone 'UTC') at time zone {1})::date", LocalDate.class,
				S.STARTTIME, inline(zone.getId()));
		Field<String> model = modelName();
		Field<String> provider = optionalText("custom_llm_provider", S.CUSTOM_LLM_PROVIDER);
		return dsl
			.select(date, model, provider, count(), tokens(S.PROMPT_TOKENS), tokens(S.COMPLETION_TOKENS),
					coalesce(sum(S.SPEND.cast(SQLDataType.NUMERIC)).filterWhere(VALID_SPEND), inline(BigDecimal.ZERO)))
			.from(S)
			.where(S.STARTTIME.ge(fromUtc).and(S.STARTTIME.lt(toUtc)))
			.groupBy(date, model, provider)
			.fetch(r -> new ModelDayUsage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(),
					r.value6().longValue(), r.value7()));
	}

	static Condition inWindow(AuditDay day) {
		return S.STARTTIME.ge(day.fromUtc()).and(S.STARTTIME.lt(day.toUtc()));
	}

	/** The model a row is counted under: {@code model_group} when non-empty, else {@code model}. */
	Field<String> modelName() {
		Field<String> deployment = nullif(S.MODEL, inline(""));
		if (!capabilities.hasSpendLogColumn("model_group")) {
			return coalesce(deployment, inline(""));
		}
		return coalesce(nullif(S.MODEL_GROUP, inline("")), deployment, inline(""));
	}

	private Field<String> optionalText(String column, Field<String> field) {
		return capabilities.hasSpendLogColumn(column) ? coalesce(field, inline("")) : inline("");
	}

	private static Field<BigDecimal> tokens(Field<Integer> column) {
		return coalesce(sum(column), inline(BigDecimal.ZERO));
	}

}
