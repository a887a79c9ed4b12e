package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

/**
 * The callers of the watched keys (the retiring ones), read by the day's one scan instead of a second pass over the
 * day's rows: five columns of the finest grain hold a watched key's row's IP, end user, user, tags and
 * {@code spend_logs_metadata}, and are null for every other row, so other keys' groups do not split and
 * {@code metadata} is read for the watched keys' rows alone; one more grouping set counts them per key.
 */
final class WatchedCallers {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	/** The columns' names in the finest grain, in the order of {@link #KINDS}. */
	static final List<String> NAMES = List.of("wip", "weu", "wu", "wtag", "wmeta");

	static final List<String> KINDS = List.of(CallerHints.IP, CallerHints.END_USER, CallerHints.USER,
			CallerHints.TAG, CallerHints.METADATA);

	private final SourceCapabilities capabilities;

	private final String[] watched;

	WatchedCallers(SourceCapabilities capabilities, Set<String> watched) {
		this.capabilities = capabilities;
		this.watched = watched.toArray(String[]::new);
	}

	/** Whether there is a key to watch: without one the scan has neither the columns nor the grouping set. */
	boolean any() {
		return watched.length > 0;
	}

	/** The five columns of the finest grain (null where this LiteLLM lacks the column). */
	List<Field<?>> columns() {
		Condition of = S.API_KEY.eq(DSL.any(watched));
		// the tags as PostgreSQL prints each element (what the key watch's own pass shows), kept apart by an array
		List<Field<?>> values = List.of(column("requester_ip_address", S.REQUESTER_IP_ADDRESS),
				column("end_user", S.END_USER), column("user", S.USER),
				capabilities.hasSpendLogColumn("request_tags")
						? field("case when jsonb_typeof({0}) = 'array' and {0} <> '[]'::jsonb "
								+ "then array(select jsonb_array_elements_text({0})) end", String[].class, S.REQUEST_TAGS)
						: inline(null, String[].class),
				capabilities.hasSpendLogColumn("metadata") ? spendLogsMetadata() : inline(null, String.class));
		List<Field<?>> columns = new ArrayList<>();
		for (int i = 0; i < NAMES.size(); i++) {
			// CASE evaluates its branch only when the condition holds: other keys' metadata is never detoasted
			columns.add(when(of, values.get(i)).as(NAMES.get(i)));
		}
		return columns;
	}

	/** The finest grain's five columns, as the outer query sees them. */
	List<Field<?>> of(Table<?> finest) {
		return NAMES.stream().<Field<?>>map(finest::field).toList();
	}

	/** A new empty tally: a builder per watched key, so a key without calls is read as having none. */
	Map<String, CallerHints.Builder> tally() {
		Map<String, CallerHints.Builder> tally = new TreeMap<>();
		for (String key : watched) {
			tally.put(key, new CallerHints.Builder());
		}
		return tally;
	}

	/** Adds one row of the callers' grouping set: key {@code key}, the five values from {@code first} on. */
	static void add(Map<String, CallerHints.Builder> tally, String key, Record r, int first, long requests,
			LocalDateTime newest) {
		CallerHints.Builder b = tally.get(key);
		if (b == null) {
			return;
		}
		for (int i = 0; i < KINDS.size(); i++) {
			boolean tags = CallerHints.TAG.equals(KINDS.get(i)) && r.get(first + i) != null;
			List<String> values = tags ? Arrays.asList(r.get(first + i, String[].class))
					: Collections.singletonList(r.get(first + i, String.class));
			for (String value : values) {
				if (value != null && !value.isEmpty()) {
					b.add(KINDS.get(i), new CountedValue(value, requests, newest));
				}
			}
		}
	}

	/**
	 * The row's non-empty {@code spend_logs_metadata} object as text. {@code metadata} is named once, in a subquery
	 * of one row: every mention of a TOASTed column in an expression detoasts it again, and this one took four
	 * (a quarter of the day's buffers on a day with a watched key). {@code ->} on anything but an object is null.
	 */
	private static Field<String> spendLogsMetadata() {
		return field("(select case when jsonb_typeof(m) = 'object' and m <> '{}'::jsonb then m::text end"
				+ " from (select {0}->'spend_logs_metadata' as m) x)", String.class, S.METADATA);
	}

	private Field<?> column(String name, Field<String> column) {
		return capabilities.hasSpendLogColumn(name) ? column : inline(null, String.class);
	}

}
