package dev.spendaudit.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --date D} or {@code --from D --to D} (inclusive); neither means yesterday in the configured zone.
 */
class DateOptions {

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
			description = "the day to audit, again if it was (default: every day due since the last audited one,"
					+ " up to yesterday in spend-audit.zone)")
	LocalDate date;

	@Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
			description = "first day of a range to rerun, one day at a time")
	LocalDate from;

	@Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
			description = "last day of the range (inclusive)")
	LocalDate to;

	@CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
	CommandLine.Model.CommandSpec spec;

	/** Checks the combination; called before any work starts. */
	void validate() {
		if (date != null && (from != null || to != null)) {
			throw usage("--date cannot be combined with --from/--to");
		}
		if ((from == null) != (to == null)) {
			throw usage(from == null ? "--to needs --from" : "--from needs --to");
		}
		if (from != null && from.isAfter(to)) {
			throw usage("--from " + from + " is after --to " + to);
		}
		if (from != null && from.plusDays(3660).isBefore(to)) {
			throw usage("--from " + from + " --to " + to + " spans more than ten years");
		}
	}

	boolean isRange() {
		return from != null;
	}

	/** Neither {@code --date} nor a range: the run catches up every day due since the last audited one. */
	boolean isCatchUp() {
		return date == null && from == null;
	}

	List<LocalDate> days(Clock clock, ZoneId zone) {
		if (date != null) {
			return List.of(date);
		}
		if (from == null) {
			return List.of(LocalDate.now(clock.withZone(zone)).minusDays(1));
		}
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			days.add(d);
		}
		return days;
	}

	private CommandLine.ParameterException usage(String message) {
		return new CommandLine.ParameterException(spec.commandLine(), message);
	}

	/** ISO dates with a message that says what was expected. */
	static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {

		@Override
		public LocalDate convert(String value) {
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new CommandLine.TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
			}
		}

	}

}
