package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A day's own spend-log rows on {@code "startTime"} alone (UTC wall-clock), read with the day: its first and last
 * row and the longest gap between two consecutive ones. The longest gap of a window of several days is put together
 * from these ({@link RowGaps}), so the window's earlier days are not read again every night.
 *
 * @param firstUtc the day's first row, null when the day has none
 * @param lastUtc its last row, null when the day has none
 * @param longestGap the longest gap between two of its rows, null with fewer than two rows
 */
public record DayRowSpan(LocalDateTime firstUtc, LocalDateTime lastUtc, RowGap longestGap) {

	/** A day without rows. */
	public static final DayRowSpan EMPTY = new DayRowSpan(null, null, null);

	public boolean hasRows() {
		return firstUtc != null;
	}

}
