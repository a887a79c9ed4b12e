package dev.spendaudit.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One audited day: a calendar date in the configured zone and the UTC wall-clock window it covers, which is what
 * LiteLLM's {@code timestamp without time zone} columns hold. The window is half open: {@code [fromUtc, toUtc)}.
 * On a daylight-saving change the window is 23 or 25 hours long.
 */
public record AuditDay(LocalDate date, ZoneId zone, LocalDateTime fromUtc, LocalDateTime toUtc) {

	public AuditDay {
		Objects.requireNonNull(date, "date must not be null");
		Objects.requireNonNull(zone, "zone must not be null");
		if (!fromUtc.isBefore(toUtc)) {
			throw new IllegalArgumentException("empty audit window " + fromUtc + " .. " + toUtc);
		}
	}

	/** The day {@code date} as seen in {@code zone}. */
	public static AuditDay of(LocalDate date, ZoneId zone) {
		return new AuditDay(date, zone, utcWallClock(date, zone), utcWallClock(date.plusDays(1), zone));
	}

	private static LocalDateTime utcWallClock(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
	}

}
