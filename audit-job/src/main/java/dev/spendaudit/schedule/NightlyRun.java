package dev.spendaudit.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.spendaudit.history.HistoryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs audited days in order, one at a time, for {@code run} and {@code schedule} alike: a catch-up (the days
 * {@link CatchUp} finds due), a range or one day. Only the newest day may be mailed, so catching up a week never
 * sends a week of mail; in a catch-up its digest lists the other days. The first failed day stops the run; a stop
 * request ({@link AuditLauncher#stop()}) starts no further day.
 */
public class NightlyRun {

	private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

	private final AuditLauncher launcher;

	private final HistoryReader history;

	private final Clock clock;

	public NightlyRun(AuditLauncher launcher, HistoryReader history, Clock clock) {
		this.launcher = launcher;
		this.history = history;
		this.clock = clock;
	}

	/** Audits the days due (the catch-up), with {@code options} for the newest of them. */
	public List<DayResult> runDue(ZoneId zone, int catchUpDays, RunOptions options) {
		return runDue(zone, catchUpDays, options, DayListener.NONE);
	}

	public List<DayResult> runDue(ZoneId zone, int catchUpDays, RunOptions options, DayListener listener) {
		List<LocalDate> due = dueDays(zone, catchUpDays);
		if (due.isEmpty()) {
			log.info("{} is already audited: nothing to do (run --date {} reruns it)", yesterday(zone), yesterday(zone));
		}
		return run(due, options, true, listener);
	}

	/**
	 * Audits {@code days} in order with {@code options} for the last one (the others never mail).
	 * @param catchUp whether the days are a catch-up: the last day's digest then lists the others
	 */
	public List<DayResult> run(List<LocalDate> days, RunOptions options, boolean catchUp, DayListener listener) {
		List<DayResult> results = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			if (launcher.stopping()) {
				log.warn("stopping: {} not started; the next run audits it", days.subList(i, days.size()));
				break;
			}
			LocalDate day = days.get(i);
			boolean last = i == days.size() - 1;
			RunOptions dayOptions = (!last ? options.withoutMail()
					: catchUp ? options.listing(days.subList(0, i)) : options).within(days);
			listener.starting(day, i + 1, days.size());
			DayResult result = launcher.run(day, dayOptions);
			results.add(result);
			listener.finished(result, i + 1, days.size());
			if (result.partial()) {
				// the reachable gateways' night is not held back by the missing one: go on with the next day
				log.error("audit of {} is partial: {}", day, result.failure());
			}
			else if (!result.succeeded()) {
				log.error("audit of {} failed: {}", day, result.failure());
				break;
			}
		}
		return results;
	}

	/** The days a run without a date audits now ({@link CatchUp}), oldest first; empty when yesterday is audited. */
	public List<LocalDate> dueDays(ZoneId zone, int catchUpDays) {
		return CatchUp.due(yesterday(zone), catchUpDays, new CatchUp.Days() {

			@Override
			public Optional<LocalDate> lastAudited(LocalDate date) {
				return history.lastAuditedDay(date);
			}

			@Override
			public boolean leftUnfinished(LocalDate date) {
				return launcher.leftUnfinished(date);
			}

		});
	}

	private LocalDate yesterday(ZoneId zone) {
		return LocalDate.now(clock.withZone(zone)).minusDays(1);
	}

}
