package dev.spendaudit.schedule;

import java.nio.file.Path;
import java.time.LocalDate;

import dev.spendaudit.core.ExitCode;

/**
 * How one audited day ended.
 *
 * @param failure one line saying why, when the day failed; null when it completed
 * @param exitCode what the failure ends the run with ({@link ExitCode#DONE} when the day completed)
 */
public record DayResult(LocalDate date, long executionId, Path digestJson, String failure, ExitCode exitCode) {

	public DayResult {
		exitCode = exitCode != null ? exitCode : failure == null ? ExitCode.DONE : ExitCode.FAILED;
	}

	public DayResult(LocalDate date, long executionId, Path digestJson, String failure) {
		this(date, executionId, digestJson, failure, null);
	}

	public boolean succeeded() {
		return failure == null;
	}

}
