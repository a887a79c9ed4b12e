package dev.spendaudit.source;

import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import org.jooq.Condition;
import org.jooq.Field;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

/**
 * The SQL over a row's {@code request_tags}: its tag set as text (the day's grain of tag sets), the set's sorted
 * tags, and the workload a tag names ({@code spend-audit.tags.workload-prefix}).
 */
final class TagExpressions {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	/** Whether the spend log has {@code request_tags} at all. */
	private final boolean tagged;

	/** The tag prefix that names a request's workload, or null. */
	private final String workloadPrefix;

	TagExpressions(SourceCapabilities capabilities, TagWorkloadSettings tags) {
		this.tagged = capabilities.hasSpendLogColumn("request_tags");
		this.workloadPrefix = tags.on() && tagged ? tags.workloadPrefix() : null;
	}

	/**
	 * The rows of the tag workload in {@code tagWorkload} (a column; null: rows that name none), for the bounded
	 * reads of findings' own requests; every row when the prefix is unset. Per row, so only for rows already
	 * bounded by key and model.
	 */
	Condition ofTagWorkload(Field<String> tagWorkload) {
		if (workloadPrefix == null) {
			return noCondition();
		}
		// the scan's own expressions, per row: the row's tag-set text, then the workload it names
		return tagWorkload(tagSet()).isNotDistinctFrom(tagWorkload);
	}

	/**
	 * The workload a tag set names: the rest of its first tag, in sorted order, that starts with the prefix and has
	 * more after it; null without such a tag, or with the prefix unset (then no expression at all). Computed on the
	 * finest grain's few tag sets, not per row. The prefix is inlined as a literal so the select list's expression
	 * and the grouping set's are the same text.
	 */
	Field<String> tagWorkload(Field<String> t) {
		if (workloadPrefix == null) {
			return null;
		}
		return field("case when {0} <> '" + Scan.NOT_AN_ARRAY + "' then (select min(substr(e, {2})) from"
				+ " jsonb_array_elements_text({0}::jsonb) e where starts_with(e, {1}) and length(e) > {3}) end",
				String.class, t, inline(workloadPrefix), inline(workloadPrefix.length() + 1),
				inline(workloadPrefix.length()));
	}

	/**
	 * The row's {@code request_tags} as text, the grain of the tag sets: the array as PostgreSQL prints it, {@code []}
	 * for SQL NULL (no tags), {@value Scan#NOT_AN_ARRAY} for any other JSON value (a row then counted as untagged).
	 * Comparing and hashing the short text costs little; unnesting and sorting every row's array would cost a
	 * subquery per row, so that is done on the rolled-up rows only ({@link #tagArray}).
	 */
	Field<String> tagSet() {
		if (!tagged) {
			return inline("[]");
		}
		return field("case when {0} is null then '[]' when jsonb_typeof({0}) = 'array' then {0}::text else '"
				+ Scan.NOT_AN_ARRAY + "' end", String.class, S.REQUEST_TAGS);
	}

	/**
	 * The tag set's distinct elements, sorted (a string element as its value, any other as its JSON text; a JSON
	 * {@code null} or empty string is no tag).
	 */
	static Field<String[]> tagArray(Field<String> t) {
		return field("case when grouping({0}) = 0 and {0} <> '" + Scan.NOT_AN_ARRAY
				+ "' then array(select distinct e from jsonb_array_elements_text({0}::jsonb) e"
				+ " where e is not null and e <> '' order by e) end", String[].class, t);
	}

}
