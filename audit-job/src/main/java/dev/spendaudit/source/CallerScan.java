package dev.spendaudit.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

/**
 * Who called some keys, per day: the callers' IPs, end users, users, tags and {@code spend_logs_metadata} of the
 * keys' rows, in one pass over the range (the five used to be five scans of a week). Only the keys' own rows are
 * looked at, so {@code metadata} is read for them alone.
 */
final class CallerScan {

	/** Values kept per key, day and kind: enough to merge a week's days into its top five. */
	static final int KEPT = 50;

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	CallerScan(DSLContext dsl, SourceCapabilities capabilities) {
		this.dsl = dsl;
		this.capabilities = capabilities;
	}

	/** The hints of each key on each day (in {@code zone}) of {@code [fromUtc, toUtc)} it made calls. */
	Map<LocalDate, Map<String, CallerHints>> byDay(String[] hashes, LocalDateTime fromUtc, LocalDateTime toUtc,
			ZoneId zone) {
		Map<LocalDate, Map<String, CallerHints.Builder>> days = new TreeMap<>();
		List<Select<Record2<String, String>>> kinds = kinds();
		if (hashes.length == 0 || kinds.isEmpty()) {
			return Map.of();
		}
		Select<Record2<String, String>> all = kinds.get(0);
		for (Select<Record2<String, String>> k : kinds.subList(1, kinds.size())) {
			all = all.unionAll(k);
		}
		Table<?> h = lateral(all.asTable("h", "kind", "value"));
		Field<String> kind = field(name("h", "kind"), String.class);
		Field<String> value = field(name("h", "value"), String.class);
		Field<LocalDate> day = field("cast(timezone({0}, timezone('UTC', {1})) as date)", LocalDate.class,
				inline(zone.getId()), S.STARTTIME);
		dsl.select(day, S.API_KEY, kind, value, count(), max(S.STARTTIME))
			.from(S)
			.crossJoin(h)
			.where(S.STARTTIME.ge(fromUtc))
			.and(S.STARTTIME.lt(toUtc))
			.and(KeySet.among(S.API_KEY, hashes))
			.and(value.isNotNull())
			.and(value.ne(inline("")))
			.groupBy(day, S.API_KEY, kind, value)
			.forEach(r -> days.computeIfAbsent(r.value1(), d -> new TreeMap<>())
				.computeIfAbsent(r.value2(), k -> new CallerHints.Builder())
				.add(r.value3(), new CountedValue(r.value4(), r.value5(), r.value6())));
		Map<LocalDate, Map<String, CallerHints>> built = new TreeMap<>();
		days.forEach((d, keys) -> {
			Map<String, CallerHints> hints = new TreeMap<>();
			keys.forEach((key, b) -> hints.put(key, b.build(KEPT)));
			built.put(d, hints);
		});
		return built;
	}

	/** One {@code (kind, value)} row per hint a spend-log row carries, for the columns this LiteLLM has. */
	private List<Select<Record2<String, String>>> kinds() {
		List<Select<Record2<String, String>>> kinds = new ArrayList<>();
		if (capabilities.hasSpendLogColumn("requester_ip_address")) {
			kinds.add(select(inline(CallerHints.IP), S.REQUESTER_IP_ADDRESS));
		}
		if (capabilities.hasSpendLogColumn("end_user")) {
			kinds.add(select(inline(CallerHints.END_USER), S.END_USER));
		}
		if (capabilities.hasSpendLogColumn("user")) {
			kinds.add(select(inline(CallerHints.USER), S.USER));
		}
		if (capabilities.hasSpendLogColumn("request_tags")) {
			kinds.add(select(inline(CallerHints.TAG), field(name("t", "tag"), String.class))
				.from(table("jsonb_array_elements_text(case when jsonb_typeof({0}) = 'array' then {0} "
						+ "else '[]'::jsonb end)", S.REQUEST_TAGS).as("t", "tag")));
		}
		if (capabilities.hasSpendLogColumn("metadata")) {
			kinds.add(select(inline(CallerHints.METADATA), field("case when jsonb_typeof({0}) = 'object' and "
					+ "jsonb_typeof({0}->'spend_logs_metadata') = 'object' and {0}->'spend_logs_metadata' <> "
					+ "'{}'::jsonb then ({0}->'spend_logs_metadata')::text end", String.class, S.METADATA)));
		}
		return kinds;
	}

}
