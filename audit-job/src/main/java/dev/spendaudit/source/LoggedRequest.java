package dev.spendaudit.source;

import java.math.BigDecimal;

/**
 * One spend-log row found by its {@code request_id}: what LiteLLM logged for a request a bill names.
 *
 * @param model the model as the day's groups name it ({@code model_group}, else {@code model})
 * @param provider {@code custom_llm_provider} ('' when unknown)
 * @param usd the logged spend; zero where the row's spend is not valid money (NaN, negative, implausible)
 */
public record LoggedRequest(String requestId, String model, String provider, BigDecimal usd, long promptTokens,
		long completionTokens) {
}
