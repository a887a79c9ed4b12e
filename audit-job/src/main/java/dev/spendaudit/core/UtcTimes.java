package dev.spendaudit.core;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the JSON writes a UTC wall-clock time: ISO-8601 with milliseconds and a {@code Z}, like LiteLLM's own
 * {@code timestamp(3)} columns read as UTC. For people, times are printed by {@link Quantities#time}.
 */
public final class UtcTimes {

	private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private UtcTimes() {
	}

	/** {@code 2026-11-26T06:30:00.000Z}, or null for null. */
	public static String iso(LocalDateTime utc) {
		return utc == null ? null : ISO_UTC.format(utc);
	}

	/** The UTC wall-clock time {@link #iso} wrote (or any ISO-8601 time ending in {@code Z}); null for null. */
	public static LocalDateTime parse(String iso) {
		return iso == null ? null : LocalDateTime.parse(iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso);
	}

}
