package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One model's spend-log rows on one day (a calendar date in the audit zone), all keys together.
 *
 * @param model {@code model_group} when non-empty, else {@code model} (as in the rollup)
 * @param provider {@code custom_llm_provider} ('' when unknown)
 */
public record ModelDayUsage(LocalDate date, String model, String provider, long requests, long promptTokens,
		long completionTokens, BigDecimal usd) {

	public long tokens() {
		return promptTokens + completionTokens;
	}

}
