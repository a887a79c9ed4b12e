package dev.spendaudit.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.source.CallerHints;
import dev.spendaudit.source.CountedValue;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.spendaudit.store.jooq.Tables.KEY_CALLER_DAY;
import static dev.spendaudit.store.jooq.Tables.SOURCE_DAY;
import static org.jooq.impl.DSL.any;

/**
 * Who called a key on each stored day, kept once read ({@code key_caller_day}): the retiring-key check's look-back
 * reads a week of these instead of a week of the spend log.
 */
public class CallerHistory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> KINDS = List.of(CallerHints.IP, CallerHints.END_USER, CallerHints.USER,
			CallerHints.TAG, CallerHints.METADATA);

	private final DSLContext dsl;

	public CallerHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The stored days of {@code source} in {@code from .. to}: the days whose callers can be kept. */
	public List<LocalDate> storedDays(String source, LocalDate from, LocalDate to) {
		return dsl.select(SOURCE_DAY.AUDIT_DATE)
			.from(SOURCE_DAY)
			.where(SOURCE_DAY.SOURCE.eq(source))
			.and(SOURCE_DAY.AUDIT_DATE.between(from, to))
			.orderBy(SOURCE_DAY.AUDIT_DATE)
			.fetch(SOURCE_DAY.AUDIT_DATE);
	}

	/** The kept hints of some keys per stored day in {@code from .. to}; a key absent on a day was not read then. */
	public Map<LocalDate, Map<String, CallerHints>> hints(Collection<String> apiKeys, String source, LocalDate from,
			LocalDate to) {
		Map<LocalDate, Map<String, CallerHints>> days = new TreeMap<>();
		if (apiKeys.isEmpty()) {
			return days;
		}
		var c = KEY_CALLER_DAY;
		dsl.select(c.AUDIT_DATE, c.API_KEY, c.HINTS)
			.from(c)
			.where(c.SOURCE.eq(source))
			.and(c.AUDIT_DATE.between(from, to))
			.and(c.API_KEY.eq(any(apiKeys.toArray(String[]::new))))
			.forEach(r -> days.computeIfAbsent(r.value1(), d -> new TreeMap<>()).put(r.value2(), read(r.value3())));
		return days;
	}

	/** Keeps what one day's read found for each key (an empty {@link CallerHints} for a key without calls). */
	public void keep(LocalDate date, String source, Map<String, CallerHints> byKey) {
		dsl.transaction(tx -> keep(tx.dsl(), date, source, byKey));
	}

	/** {@link #keep} within the caller's transaction (the day's facts, written with the callers their read counted). */
	static void keep(DSLContext db, LocalDate date, String source, Map<String, CallerHints> byKey) {
		var c = KEY_CALLER_DAY;
		for (Map.Entry<String, CallerHints> e : byKey.entrySet()) {
			db.insertInto(c, c.AUDIT_DATE, c.SOURCE, c.API_KEY, c.HINTS)
				.values(date, source, e.getKey(), write(e.getValue()))
				.onConflict(c.AUDIT_DATE, c.SOURCE, c.API_KEY)
				.doUpdate()
				.set(c.HINTS, write(e.getValue()))
				.execute();
		}
	}

	static JSONB write(CallerHints h) {
		ObjectNode o = JSON.createObjectNode();
		List<List<CountedValue>> lists = lists(h);
		for (int i = 0; i < KINDS.size(); i++) {
			ArrayNode a = o.putArray(KINDS.get(i));
			for (CountedValue v : lists.get(i)) {
				a.addArray().add(v.value()).add(v.requests()).add(v.lastSeen() == null ? null : v.lastSeen().toString());
			}
		}
		return JSONB.valueOf(JSON.writeValueAsString(o));
	}

	static CallerHints read(JSONB json) {
		JsonNode o = JSON.readTree(json.data());
		Map<String, List<CountedValue>> byKind = new LinkedHashMap<>();
		for (String kind : KINDS) {
			List<CountedValue> values = new ArrayList<>();
			JsonNode a = o.get(kind);
			if (a != null) {
				a.forEach(v -> values.add(new CountedValue(v.get(0).asString(), v.get(1).asLong(),
						v.get(2).isNull() ? null : LocalDateTime.parse(v.get(2).asString()))));
			}
			byKind.put(kind, values);
		}
		return new CallerHints(byKind.get(CallerHints.IP), byKind.get(CallerHints.END_USER),
				byKind.get(CallerHints.USER), byKind.get(CallerHints.TAG), byKind.get(CallerHints.METADATA));
	}

	private static List<List<CountedValue>> lists(CallerHints h) {
		return List.of(h.requesterIps(), h.endUsers(), h.users(), h.tags(), h.spendLogsMetadata());
	}

}
