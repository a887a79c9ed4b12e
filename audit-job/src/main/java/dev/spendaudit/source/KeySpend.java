package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One key's rows in a window of the spend log.
 */
public record KeySpend(String apiKey, long requests, BigDecimal usd, LocalDateTime lastSeen) {
}
