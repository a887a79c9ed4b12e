package dev.spendaudit.schedule;

import java.time.Duration;
import java.time.LocalDate;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.core.Quantities;

/**
 * Another process holds the day's lock: it is auditing that day right now (exit code 8). Nothing was done.
 */
public class DayLockedException extends IllegalStateException implements ExitCode.Coded {

	DayLockedException(LocalDate date, Duration waited) {
		super("another spend-audit process is auditing " + date + " right now"
				+ (waited.isZero() ? ""
						: "; gave up after waiting " + Quantities.elapsed(waited) + " (spend-audit.lock-wait)"));
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.DAY_LOCKED;
	}

}
