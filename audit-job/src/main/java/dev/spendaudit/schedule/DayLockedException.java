package dev.spendaudit.schedule;

import java.time.LocalDate;

import dev.spendaudit.core.ExitCode;

/**
 * Another process holds the day's lock: it is auditing that day right now (exit code 8). Nothing was done.
 */
public class DayLockedException extends IllegalStateException implements ExitCode.Coded {

	DayLockedException(LocalDate date) {
		super("another spend-audit process is auditing " + date + " right now");
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.DAY_LOCKED;
	}

}
