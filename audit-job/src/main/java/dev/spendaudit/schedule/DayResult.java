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

	/**
	 * Whether the day completed without a gateway's part (it could not be read): its digest is written, and
	 * mailed when due, but the day ends with the source-unusable code and the next run reads it again.
	 */
	public boolean partial() {
		return failure != null && digestJson != null;
	}

}
