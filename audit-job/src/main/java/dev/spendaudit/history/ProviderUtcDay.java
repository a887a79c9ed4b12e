package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * LiteLLM's spend for one provider over one UTC day's 24 hours, summed from the stored per-provider UTC hours of the
 * audited days that cover it (whatever zone they were audited in).
 *
 * @param provider {@code custom_llm_provider} ('' when unknown)
 */
public record ProviderUtcDay(LocalDate date, String provider, long requests, long promptTokens,
		long completionTokens, BigDecimal usd) {
}
