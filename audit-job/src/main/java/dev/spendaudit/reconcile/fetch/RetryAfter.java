package dev.spendaudit.reconcile.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A {@code Retry-After} header: seconds ({@code 2}) or an HTTP date; null when absent or unreadable. */
final class RetryAfter {

	private RetryAfter() {
	}

	static Duration parse(String header) {
		return parse(header, Clock.systemUTC());
	}

	static Duration parse(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		if (value.matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Duration until = Duration.between(clock.instant(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
