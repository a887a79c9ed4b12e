package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One key's traffic on one UTC day, as the spend log or LiteLLM's daily aggregates count it.
 *
 * @param requests every request
 * @param successes requests that did not fail (all of them where the source cannot tell)
 * @param usd the day's spend
 */
public record KeyDayCount(LocalDate utcDate, String apiKey, long requests, long successes, BigDecimal usd) {
}
