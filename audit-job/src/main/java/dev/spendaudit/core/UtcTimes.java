package dev.spendaudit.core;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the digest writes a UTC wall-clock time: ISO-8601 with milliseconds and a {@code Z}, like LiteLLM's own
 * {@code timestamp(3)} columns read as UTC.
 */
public final class UtcTimes {

	private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private UtcTimes() {
	}

	/** {@code 2026-11-26T06:30:00.000Z}, or null for null. */
	public static String iso(LocalDateTime utc) {
		return utc == null ? null : ISO_UTC.format(utc);
	}

}
