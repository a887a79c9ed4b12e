package dev.spendaudit.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static org.jooq.impl.DSL.max;

/**
 * What a scheduled night does: audit yesterday, and first any days missed since the last audited one (the host
 * was down, the scheduler was stopped), oldest first and at most {@code catchUpDays} of them.
 */
public class NightlyRun {

	private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

	private final AuditLauncher launcher;

	private final DSLContext store;

	private final Clock clock;

	public NightlyRun(AuditLauncher launcher, DSLContext store, Clock clock) {
		this.launcher = launcher;
		this.store = store;
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
		LocalDate lastAudited = store.select(max(AUDIT_DAY.AUDIT_DATE)).from(AUDIT_DAY).fetchOne(0, LocalDate.class);
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
