package dev.spendaudit.statement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's period: a calendar month ({@code 2026-11}) or an ISO week ({@code 2026-W48}, Monday to Sunday),
 * its first and last day inclusive.
 */
public record Period(String label, LocalDate from, LocalDate to, boolean week) {

	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	public static Period month(YearMonth month) {
		return new Period(month.toString(), month.atDay(1), month.atEndOfMonth(), false);
	}

	/** The ISO week holding {@code day}. */
	public static Period weekOf(LocalDate day) {
		LocalDate monday = day.with(DayOfWeek.MONDAY);
		return new Period(String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
				monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, monday.plusDays(6), true);
	}

	/** {@code 2026-11}; throws with the reason when it is not a month. */
	public static Period month(String text) {
		try {
			return month(YearMonth.parse(text));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a month (expected YYYY-MM, e.g. 2026-11)");
		}
	}

	/** {@code 2026-W48}; throws with the reason when it is not an ISO week. */
	public static Period week(String text) {
		Matcher m = WEEK.matcher(text);
		int year = m.matches() ? Integer.parseInt(m.group(1)) : -1;
		int week = m.matches() ? Integer.parseInt(m.group(2)) : -1;
		LocalDate jan4 = year < 0 ? null : LocalDate.of(year, 1, 4);
		if (jan4 == null || week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO week (expected YYYY-Www, e.g. 2026-W48)");
		}
		return weekOf(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
	}

	/** The period just before: the month before, or the week before. */
	public Period previous() {
		return week ? weekOf(from.minusWeeks(1)) : month(YearMonth.from(from).minusMonths(1));
	}

	public long days() {
		return to.toEpochDay() - from.toEpochDay() + 1;
	}

	/** How a person names it: {@code November 2026}, {@code week 2026-W48 (23–29 Nov 2026)}. */
	public String title() {
		if (!week) {
			return YearMonth.from(from).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
		}
		return "week " + label + " (" + from.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)) + " – "
				+ to.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) + ")";
	}

	/** The file name's stem: {@code statement-2026-11}. */
	public String fileStem() {
		return "statement-" + label;
	}

}
