package dev.spendaudit.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.spendaudit.core.ExitCode;

/**
 * How a run ended, for the heartbeat and the textfile.
 *
 * @param exit the code the process exits with
 * @param cause one line saying why, when the run failed (or the day is an ALERT with exit-on-alert); else null
 * @param started when the run began
 * @param finished when it ended
 * @param day the last audited day's figures; null when no day has been audited yet
 * @param digestSent whether that day's digest has been mailed; null when the store could not be asked
 */
public record RunReport(ExitCode exit, String cause, Instant started, Instant finished, DayFigures day,
		Boolean digestSent) {

	public RunReport {
		Objects.requireNonNull(exit, "exit must not be null");
		Objects.requireNonNull(started, "started must not be null");
		Objects.requireNonNull(finished, "finished must not be null");
	}

	public Duration duration() {
		return Duration.between(started, finished);
	}

}
