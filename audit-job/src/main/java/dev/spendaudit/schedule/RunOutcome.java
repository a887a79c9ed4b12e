package dev.spendaudit.schedule;

import java.util.List;
import java.util.Optional;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.health.RunHealth;

/**
 * What a run of one or more days ends with: the first failed day's code and line, else 10 for an ALERT day when
 * {@code spend-audit.exit-on-alert} is on, else 0.
 *
 * @param cause one line: why the run failed, or which day is an ALERT; null when it is plainly done
 */
public record RunOutcome(ExitCode exit, String cause) {

	public static RunOutcome of(List<DayResult> results, boolean exitOnAlert) {
		for (DayResult result : results) {
			if (!result.succeeded()) {
				return new RunOutcome(result.exitCode(),
						result.date() + (result.partial() ? " partial: " : " failed: ") + result.failure());
			}
		}
		if (exitOnAlert) {
			for (DayResult result : results) {
				Optional<String> alert = RunHealth.alert(result.digestJson());
				if (alert.isPresent()) {
					return new RunOutcome(ExitCode.ALERT, alert.get());
				}
			}
		}
		return new RunOutcome(ExitCode.DONE, null);
	}

	/** A run stopped by an exception before or between its days. */
	public static RunOutcome of(RuntimeException failure) {
		return new RunOutcome(ExitCode.of(failure), AuditLauncher.oneLine(failure));
	}

}
