package dev.spendaudit.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.history.HistoryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scheduled night does: audit yesterday, and first any days missed since the last audited one (the host
 * was down, the scheduler was stopped), oldest first and at most {@code catchUpDays} of them. Only audited days
 * count: a day that is only rolled up as history still gets its own audit and digest.
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

	public List<DayResult> runDue(ZoneId zone, int catchUpDays, RunOptions options) {
		List<DayResult> results = new ArrayList<>();
		for (LocalDate day : dueDays(zone, catchUpDays)) {
			boolean last = day.equals(LocalDate.now(clock.withZone(zone)).minusDays(1));
			// only the newest day's digest is mailed: catching up a week must not send a week of mail
			DayResult result = launcher.run(day, last ? options
					: new RunOptions(options.outDir(), false, false, options.commandPrefix()));
			results.add(result);
			if (!result.succeeded()) {
				log.error("scheduled audit of {} failed: {}", day, result.failure());
				break;
			}
		}
		return results;
	}

	List<LocalDate> dueDays(ZoneId zone, int catchUpDays) {
		LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
		LocalDate lastAudited = history.lastAuditedDay().orElse(null);
		LocalDate first = yesterday.minusDays(catchUpDays);
		if (lastAudited != null && lastAudited.plusDays(1).isAfter(first)) {
			first = lastAudited.plusDays(1);
		}
		if (lastAudited == null || first.isAfter(yesterday)) {
			first = yesterday;
		}
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(yesterday); d = d.plusDays(1)) {
			days.add(d);
		}
		return days;
	}

}
