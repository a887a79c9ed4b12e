package dev.spendaudit.schedule;

import java.time.Clock;
import java.util.List;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.ExitSettings;
import dev.spendaudit.delivery.DigestDelivery;
import dev.spendaudit.health.HealthSettings;
import dev.spendaudit.health.RunHealth;
import dev.spendaudit.health.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One night of the {@code schedule} command, watched like a {@code run}: the heartbeat pings its start and its end,
 * and the textfile is written after it, success or failure.
 */
public class ScheduledNight {

	private static final Logger log = LoggerFactory.getLogger(ScheduledNight.class);

	private final NightlyRun nightlyRun;

	private final Settings settings;

	private final Clock clock;

	private final DigestDelivery delivery;

	/** What a night reads: the zone and folder, the catch-up, the health signals, the ALERT exit. */
	public record Settings(CoreSettings core, ScheduleSettings schedule, HealthSettings health, ExitSettings exit) {
	}

	public ScheduledNight(NightlyRun nightlyRun, Settings settings, Clock clock, DigestDelivery delivery) {
		this.nightlyRun = nightlyRun;
		this.settings = settings;
		this.clock = clock;
		this.delivery = delivery;
	}

	/** Audits the due days (catching up first) and reports how the night went. */
	public RunReport fire() {
		RunHealth health = RunHealth.begin(settings.health(), clock, log::warn);
		RunOutcome outcome;
		try {
			List<DayResult> results = nightlyRun.runDue(settings.core().zone(), settings.schedule().catchUpDays(),
					new RunOptions(settings.core().out(), true, false, null));
			outcome = RunOutcome.of(results, settings.exit().exitOnAlert());
		}
		catch (RuntimeException ex) {
			outcome = RunOutcome.of(ex);
			log.error("scheduled audit failed: {}", outcome.cause());
		}
		return health.finish(outcome.exit(), outcome.cause(), settings.core().out(), delivery::mailed);
	}

}
