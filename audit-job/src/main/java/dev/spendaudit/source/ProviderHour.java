package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The day's rows of one provider in one UTC hour.
 *
 * @param hourUtc the hour's start, UTC wall-clock
 * @param provider {@code custom_llm_provider} ('' when unknown)
 */
public record ProviderHour(LocalDateTime hourUtc, String provider, long requests, long promptTokens,
		long completionTokens, BigDecimal usd) {
}
