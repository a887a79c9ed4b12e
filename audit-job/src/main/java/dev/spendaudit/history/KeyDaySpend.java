package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One key's valid spend on one stored day, with the day's window: what the day's read of the spend log found, so
 * that a later question about that time need not read the log again.
 *
 * @param windowStartUtc the day's start in UTC (inclusive)
 * @param windowEndUtc the day's end in UTC (exclusive)
 * @param usd the key's spend that day, zero when it made no call
 */
public record KeyDaySpend(LocalDateTime windowStartUtc, LocalDateTime windowEndUtc, BigDecimal usd) {
}
