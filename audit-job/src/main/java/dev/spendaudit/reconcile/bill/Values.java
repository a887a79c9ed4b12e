package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The text of one field of a bill turned into a value, or a {@link BillFormatException} naming the file, the line,
 * the field and the text. Money is read from its text ({@code BigDecimal}, never through {@code double}).
 */
final class Values {

	/** {@code 2026-06-28 03:46:57.713}, {@code 2026-06-28T03:46:57Z}, {@code ...+02:00}; no zone marker is UTC. */
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart().appendLiteral('T').optionalEnd()
		.optionalStart().appendLiteral(' ').optionalEnd()
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.optionalStart().appendLiteral(' ').optionalEnd()
		.optionalStart().parseLenient().appendOffset("+HH:MM:ss", "Z").parseStrict().optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private Values() {
	}

	/** A non-negative, finite amount of money, from its text exactly. */
	static BigDecimal money(Path file, int line, String field, String text) {
		BigDecimal value = decimal(file, line, field, text);
		if (value.signum() < 0) {
			throw new BillFormatException(file, line, field + " " + text.trim() + " is negative");
		}
		return value;
	}

	static BigDecimal decimal(Path file, int line, String field, String text) {
		if (text == null || text.isBlank()) {
			throw missing(file, line, field);
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new BillFormatException(file, line, field + " \"" + text + "\" is not a number");
		}
	}

	/** A non-negative whole count (tokens, requests). */
	static long count(Path file, int line, String field, String text) {
		BigDecimal value = decimal(file, line, field, text);
		try {
			long count = value.stripTrailingZeros().longValueExact();
			if (count < 0) {
				throw new BillFormatException(file, line, field + " " + text.trim() + " is negative");
			}
			return count;
		}
		catch (ArithmeticException ex) {
			throw new BillFormatException(file, line, field + " \"" + text + "\" is not a whole number");
		}
	}

	/** An instant; a timestamp with no zone marker is UTC, one with {@code Z} or an offset is converted to UTC. */
	static Instant instant(Path file, int line, String field, String text) {
		if (text == null || text.isBlank()) {
			throw missing(file, line, field);
		}
		try {
			TemporalAccessor parsed = TIMESTAMP.parse(text.trim());
			LocalDateTime local = LocalDateTime.from(parsed);
			ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
					? ZoneOffset.from(parsed) : ZoneOffset.UTC;
			return local.toInstant(offset);
		}
		catch (DateTimeException ex) {
			throw new BillFormatException(file, line, field + " \"" + text + "\" is not a date and time");
		}
	}

	/** A UTC day: a bare {@code 2026-11-25}, or the UTC day of a timestamp. */
	static LocalDate day(Path file, int line, String field, String text) {
		if (text == null || text.isBlank()) {
			throw missing(file, line, field);
		}
		String trimmed = text.trim();
		if (trimmed.length() == 10) {
			try {
				return LocalDate.parse(trimmed);
			}
			catch (DateTimeParseException ex) {
				throw new BillFormatException(file, line, field + " \"" + text + "\" is not a date");
			}
		}
		return utcDay(instant(file, line, field, text));
	}

	static LocalDate utcDay(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	static BillFormatException missing(Path file, int line, String field) {
		return new BillFormatException(file, line, field + " is missing");
	}

}
