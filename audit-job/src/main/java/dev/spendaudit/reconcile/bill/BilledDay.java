package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money a provider billed for one UTC day (and model, where the bill says), in USD.
 *
 * @param provider LiteLLM's {@code custom_llm_provider} name: {@code openrouter}, {@code openai}, {@code anthropic},
 * or the plain CSV's {@code provider}, lower case
 * @param date the UTC day
 * @param model the model as the bill names it; empty when the bill has no model
 * @param usd what the provider charged (OpenRouter's {@code usage}/{@code cost_total}, OpenAI's {@code amount.value},
 * Anthropic's {@code amount} divided by 100)
 * @param byokUsd OpenRouter's BYOK inference ({@code byok_usage_inference}), shown beside the bill, never added;
 * {@code null} where the bill has none
 * @param requests the requests the bill counts, {@code null} where it does not say
 * @param promptTokens the prompt tokens it counts, {@code null} where it does not say
 * @param completionTokens the completion tokens it counts, {@code null} where it does not say
 */
public record BilledDay(String provider, LocalDate date, String model, BigDecimal usd, BigDecimal byokUsd,
		Long requests, Long promptTokens, Long completionTokens) {

	public BilledDay {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(usd, "usd");
		model = model == null ? "" : model;
	}

}
