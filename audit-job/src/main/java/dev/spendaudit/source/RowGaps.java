package dev.spendaudit.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.spendaudit.core.AuditDay;

/**
 * The longest gap between consecutive rows over consecutive days, from each day's {@link DayRowSpan} and the row
 * before the first day: the gaps inside each day, and those between one day's last row and the next row after it
 * (across empty days). Ties go to the earliest gap, as the window query orders them; and which stored spans tile a
 * window. Plain logic, no database.
 */
final class RowGaps {

	private RowGaps() {
	}

	/**
	 * @param rowBefore the newest row before the first day, null when there is none
	 * @param days the days in order, with no day missing between two of them
	 */
	static Optional<RowGap> longest(LocalDateTime rowBefore, List<DayRowSpan> days) {
		RowGap best = null;
		LocalDateTime previous = rowBefore;
		for (DayRowSpan day : days) {
			if (!day.hasRows()) {
				continue;
			}
			if (previous != null) {
				best = longer(best, new RowGap(previous, day.firstUtc()));
			}
			if (day.longestGap() != null) {
				best = longer(best, day.longestGap());
			}
			previous = day.lastUtc();
		}
		return Optional.ofNullable(best);
	}

	private static RowGap longer(RowGap best, RowGap candidate) {
		if (best == null) {
			return candidate;
		}
		int c = candidate.length().compareTo(best.length());
		return c > 0 || c == 0 && candidate.to().isBefore(best.to()) ? candidate : best;
	}

	/** The spans of the days tiling {@code [from, end of day)}, oldest first, or null if the store lacks one. */
	static List<DayRowSpan> spansOf(AuditDay day, LocalDateTime from, DayRowSpan last,
			Function<LocalDate, DayRowSpan> stored) {
		List<DayRowSpan> spans = new ArrayList<>(List.of(last));
		AuditDay d = day;
		while (d.fromUtc().isAfter(from)) {
			d = AuditDay.of(d.date().minusDays(1), day.zone());
			DayRowSpan span = stored.apply(d.date());
			if (span == null) {
				return null;
			}
			spans.add(0, span);
		}
		return d.fromUtc().equals(from) ? spans : null;
	}

}
