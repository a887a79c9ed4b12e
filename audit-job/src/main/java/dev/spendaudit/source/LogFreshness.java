package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * The bounded lookups that tell how current the spend log is, made when a day is audited (UTC wall-clock).
 *
 * @param readAtUtc when they were made
 * @param newestRowUtc the newest row of all at that moment (null when the log is empty)
 * @param gapWindowStartUtc the longest gap was looked for in {@code [gapWindowStartUtc, end of the day)}
 * @param longestGap the longest gap between consecutive rows there (null with fewer than two rows)
 */
public record LogFreshness(LocalDateTime readAtUtc, LocalDateTime newestRowUtc, LocalDateTime gapWindowStartUtc,
		RowGap longestGap) {
}
