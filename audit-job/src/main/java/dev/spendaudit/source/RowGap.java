package dev.spendaudit.source;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The time between two consecutive spend-log rows (UTC wall-clock): {@code from} is the earlier row's
 * {@code "startTime"}, {@code to} the next one's.
 */
public record RowGap(LocalDateTime from, LocalDateTime to) {

	public Duration length() {
		return Duration.between(from, to);
	}

}
