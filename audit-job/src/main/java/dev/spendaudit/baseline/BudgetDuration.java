package dev.spendaudit.baseline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's {@code budget_duration}: a number and a unit, {@code s}, {@code m}, {@code h}, {@code d}, {@code w}
 * or {@code mo} (calendar months), as its {@code duration_in_seconds} parses them ({@code 30d}, {@code 1mo},
 * {@code 7d}, {@code 1d}).
 */
public record BudgetDuration(long amount, String unit) {

	private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*(mo|[smhdw])\\s*");

	public static Optional<BudgetDuration> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORMAT.matcher(text);
		if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
			return Optional.empty();
		}
		return Optional.of(new BudgetDuration(Long.parseLong(m.group(1)), m.group(2)));
	}

	public LocalDateTime addTo(LocalDateTime time) {
		return switch (unit) {
			case "mo" -> time.plusMonths(amount);
			case "w" -> time.plusWeeks(amount);
			case "d" -> time.plusDays(amount);
			case "h" -> time.plusHours(amount);
			case "m" -> time.plusMinutes(amount);
			default -> time.plusSeconds(amount);
		};
	}

	public LocalDateTime subtractFrom(LocalDateTime time) {
		return switch (unit) {
			case "mo" -> time.minusMonths(amount);
			case "w" -> time.minusWeeks(amount);
			case "d" -> time.minusDays(amount);
			case "h" -> time.minusHours(amount);
			case "m" -> time.minusMinutes(amount);
			default -> time.minusSeconds(amount);
		};
	}

	/**
	 * The first reset strictly after {@code now}: {@code resetAt} stepped forward by the duration when it lies
	 * behind (the reset job may lag), or back when a whole period lies between (an earlier day audited after later
	 * resets). Without {@code resetAt} the phase is unknown, so a whole duration from now is assumed (the longest it
	 * can be). Null when the key never resets.
	 */
	public static LocalDateTime nextReset(LocalDateTime resetAt, Optional<BudgetDuration> duration, LocalDateTime now) {
		if (resetAt == null) {
			return duration.map(d -> d.addTo(now)).orElse(null);
		}
		if (resetAt.isAfter(now)) {
			LocalDateTime next = resetAt;
			if (duration.isPresent()) {
				for (int i = 0; i < 10_000 && duration.get().subtractFrom(next).isAfter(now); i++) {
					next = duration.get().subtractFrom(next);
				}
			}
			return next;
		}
		if (duration.isEmpty()) {
			return null;
		}
		BudgetDuration d = duration.get();
		LocalDateTime next = resetAt;
		if (!d.unit.equals("mo")) {
			// fixed-length periods: jump straight to the period that contains now
			long step = Duration.between(resetAt, d.addTo(resetAt)).getSeconds();
			long periods = Duration.between(resetAt, now).getSeconds() / step;
			next = resetAt.plusSeconds(periods * step);
		}
		while (!next.isAfter(now)) {
			next = d.addTo(next);
		}
		return next;
	}

}
