package dev.spendaudit.keywatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.history.CallerHistory;
import dev.spendaudit.source.CallerHints;
import dev.spendaudit.source.LiteLlmSource;

/**
 * Who called some retiring keys over the days looking back from the audited one. Each stored day is read from the
 * spend log once per key and kept in the history; later nights read what was kept, so a night reads one day of the
 * keys' rows, not a week of them.
 */
class CallerLookback {

	private final LiteLlmSource source;

	private final CallerHistory history;

	CallerLookback(LiteLlmSource source, CallerHistory history) {
		this.source = source;
		this.history = history;
	}

	/** The keys' hints over the {@code days} days ending with the audited day, the top of each kind. */
	CallerHints hints(Collection<String> hashes, AuditDay day, int days) {
		LocalDate first = day.date().minusDays(days - 1);
		String name = source.name();
		Map<LocalDate, Map<String, CallerHints>> kept = history.hints(hashes, name, first, day.date());
		Set<LocalDate> stored = new TreeSet<>(history.storedDays(name, first, day.date()));
		List<LocalDate> unread = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(day.date()); d = d.plusDays(1)) {
			if (!kept.getOrDefault(d, Map.of()).keySet().containsAll(hashes)) {
				unread.add(d);
			}
		}
		List<CallerHints> parts = new ArrayList<>();
		kept.values().forEach(byKey -> parts.addAll(byKey.values()));
		for (List<LocalDate> run : runs(unread)) {
			AuditDay from = AuditDay.of(run.get(0), day.zone());
			AuditDay to = AuditDay.of(run.get(run.size() - 1), day.zone());
			Map<LocalDate, Map<String, CallerHints>> read = source.callerHintsByDay(hashes, from.fromUtc(), to.toUtc(),
					day.zone());
			for (LocalDate d : run) {
				Map<String, CallerHints> found = read.getOrDefault(d, Map.of());
				Map<String, CallerHints> byKey = new HashMap<>();
				for (String hash : hashes) {
					if (!kept.getOrDefault(d, Map.of()).containsKey(hash)) {
						CallerHints h = found.getOrDefault(hash, CallerHints.NONE);
						byKey.put(hash, h);
						parts.add(h);
					}
				}
				if (stored.contains(d)) {
					history.keep(d, name, byKey);
				}
			}
		}
		return CallerHints.merge(parts, CallerHints.TOP);
	}

	/** The days in runs of consecutive days, so that one read covers a run and no day between two runs is read. */
	static List<List<LocalDate>> runs(List<LocalDate> days) {
		List<List<LocalDate>> runs = new ArrayList<>();
		for (LocalDate d : days) {
			List<LocalDate> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (last != null && last.get(last.size() - 1).plusDays(1).equals(d)) {
				last.add(d);
			}
			else {
				runs.add(new ArrayList<>(List.of(d)));
			}
		}
		return runs;
	}

}
