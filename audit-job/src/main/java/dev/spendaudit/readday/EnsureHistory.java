package dev.spendaudit.readday;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.Progress;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.schedule.DayLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History first: before any feature step runs, every day the features look back over has facts in the store. A
 * missing day is rolled up (facts only, no digest) under its day lock, committed before the lock is released; a day
 * another process holds right now is left to it. A day rolled up while a gateway could not be read is rolled up
 * again once that gateway can be, so its part of the day is not missing for good.
 */
public class EnsureHistory {

	private static final Logger log = LoggerFactory.getLogger(EnsureHistory.class);

	private final HistoryReader history;

	private final DayReader reader;

	private final DayLocks locks;

	private final ZoneId zone;

	private final int daysBefore;

	private final Progress progress;

	/** @param daysBefore how many days before the audited one the features read (the longest look-back) */
	public EnsureHistory(HistoryReader history, DayReader reader, DayLocks locks, ZoneId zone, int daysBefore) {
		this(history, reader, locks, zone, daysBefore, new Progress());
	}

	/** The same, telling {@code progress} how far the roll-up is (a first night rolls up a month). */
	public EnsureHistory(HistoryReader history, DayReader reader, DayLocks locks, ZoneId zone, int daysBefore,
			Progress progress) {
		this.history = history;
		this.reader = reader;
		this.locks = locks;
		this.zone = zone;
		this.daysBefore = daysBefore;
		this.progress = progress;
	}

	/** Rolls up the missing days before {@code date}, oldest first, and returns them. */
	public List<LocalDate> ensure(LocalDate date, long jobExecutionId) {
		long started = System.nanoTime();
		LocalDate first = date.minusDays(daysBefore);
		Set<LocalDate> stored = history.daysWithFacts(first, date.minusDays(1));
		Set<LocalDate> incomplete = history.rolledUpDaysMissing(first, date.minusDays(1), reader.reachable());
		List<LocalDate> rolledUp = new ArrayList<>();
		List<LocalDate> busy = new ArrayList<>();
		List<LocalDate> missing = first.datesUntil(date)
			.filter(d -> !stored.contains(d) || incomplete.contains(d))
			.toList();
		String task = "history of " + date;
		for (int i = 0; i < missing.size(); i++) {
			LocalDate d = missing.get(i);
			progress.step(task, i, missing.size(), "rolling up " + d);
			Optional<DayLocks.Lock> lock = locks.tryLock(d);
			if (lock.isEmpty()) {
				busy.add(d);
				continue;
			}
			try (DayLocks.Lock held = lock.get()) {
				// another process may have read the day between the first look and the lock
				if (history.daysWithFacts(d, d).isEmpty()
						|| !history.rolledUpDaysMissing(d, d, reader.reachable()).isEmpty()) {
					reader.rollUp(AuditDay.of(d, zone), jobExecutionId);
					rolledUp.add(d);
				}
			}
		}
		if (!missing.isEmpty()) {
			progress.step(task, missing.size(), missing.size(), null);
		}
		if (!busy.isEmpty()) {
			log.warn("{}: {} being audited by another process right now; not rolled up here", date, busy);
		}
		log.info("{}: history of the {} days before: {} stored ({} with a gateway's part missing), {} rolled up{} in"
				+ " {} ms", date, daysBefore, stored.size(), incomplete.size(), rolledUp.size(),
				rolledUp.isEmpty() ? "" : " (" + rolledUp.get(0) + " .. " + rolledUp.get(rolledUp.size() - 1) + ")",
				(System.nanoTime() - started) / 1_000_000);
		return rolledUp;
	}

}
