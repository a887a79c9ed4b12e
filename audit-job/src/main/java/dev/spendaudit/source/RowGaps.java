package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The longest gap between consecutive rows over consecutive days, from each day's {@link DayRowSpan} and the row
 * before the first day: the gaps inside each day, and those between one day's last row and the next row after it
 * (across empty days). Ties go to the earliest gap, as the window query orders them. Plain logic, no database.
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

}
