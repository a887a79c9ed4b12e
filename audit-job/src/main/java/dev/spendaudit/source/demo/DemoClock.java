package dev.spendaudit.source.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The moment the {@code demo} command plays: the nightly run at 06:15 UTC on today's UTC date, when
 * the shipped timer and cron line start it ({@code deploy/spend-audit.timer}). The demo database is seeded as of
 * that moment and the audit runs with it as its clock, so the demo tells the same story at any hour of the day.
 * <p>
 * Not the wall clock, because the freshness check compares a UTC date with LiteLLM's daily aggregates only once
 * the date has settled, an hour after it ended ({@code FreshnessCheck.SETTLE}): a demo run before 01:00 UTC would
 * not compare yesterday yet and would show only the part of its logging hole that fell on the day before. The price
 * is that a demo run shortly after midnight reports a {@code checkedAt} a few hours ahead of the wall clock.
 */
public final class DemoClock {

	/** When the demo's nightly run starts, UTC. */
	public static final LocalTime RUN_AT = LocalTime.of(6, 15);

	private DemoClock() {
	}

	/** A clock fixed at {@link #RUN_AT} UTC on the date {@code wallClock} shows in UTC. */
	public static Clock nightlyRun(Clock wallClock) {
		LocalDate today = LocalDate.now(wallClock.withZone(ZoneOffset.UTC));
		return Clock.fixed(today.atTime(RUN_AT).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
	}

}
