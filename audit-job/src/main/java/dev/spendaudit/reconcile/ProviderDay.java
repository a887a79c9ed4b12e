package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One provider and UTC day, billed against logged ({@code reconcile.providers[]} in the JSON).
 *
 * @param provider LiteLLM's {@code custom_llm_provider} name
 * @param date the UTC day (ISO)
 * @param status {@code RECONCILED} (a bill covers the day and its hours are all audited) or {@code PENDING}
 * @param billedUsd what the provider charged; null while pending without a bill
 * @param byokUsd OpenRouter's BYOK inference, beside the bill, never added; null where the bill has none
 * @param loggedUsd LiteLLM's spend for the provider over the day's 24 UTC hours
 * @param captureRate {@code logged / billed}; null while pending or where nothing was billed
 * @param gapUsd {@code billed − logged}: positive when the log is missing money; null while pending
 * @param missing requests on the bill the log lacks, most expensive first, at most {@code max-listed}
 * @param missingCount all of them
 * @param mispriced requests LiteLLM priced differently, $0 in the log first, at most {@code max-listed}
 * @param mispricedCount all of them
 * @param models per model, the price per million tokens LiteLLM applied against the billed one
 * @param pendingReason why the day is pending; null when reconciled
 * @param reconciledTonight the day was pending on an earlier night and is reconciled by tonight's run
 * @param bill how the billed money was chosen (the file, or the per-request files)
 */
@JsonPropertyOrder({ "provider", "date", "status", "billedUsd", "byokUsd", "loggedUsd", "captureRate", "gapUsd",
		"missing", "missingCount", "mispriced", "mispricedCount", "models", "pendingReason", "reconciledTonight",
		"bill" })
public record ProviderDay(String provider, String date, String status, BigDecimal billedUsd, BigDecimal byokUsd,
		BigDecimal loggedUsd, BigDecimal captureRate, BigDecimal gapUsd, List<Missing> missing, long missingCount,
		List<Mispriced> mispriced, long mispricedCount, List<ModelPrice> models, String pendingReason,
		boolean reconciledTonight, String bill) {

	public static final String RECONCILED = "RECONCILED";

	public static final String PENDING = "PENDING";

	public boolean reconciled() {
		return RECONCILED.equals(status);
	}

	ProviderDay tonight(boolean tonight) {
		return new ProviderDay(provider, date, status, billedUsd, byokUsd, loggedUsd, captureRate, gapUsd, missing,
				missingCount, mispriced, mispricedCount, models, pendingReason, tonight, bill);
	}

	/** A request on the bill that the spend log lacks. */
	@JsonPropertyOrder({ "requestId", "usd", "model", "apiKeyName" })
	public record Missing(String requestId, BigDecimal usd, String model, String apiKeyName) {
	}

	/** A request LiteLLM logged at a price other than the billed one. */
	@JsonPropertyOrder({ "requestId", "loggedUsd", "billedUsd", "model", "apiKeyName" })
	public record Mispriced(String requestId, BigDecimal loggedUsd, BigDecimal billedUsd, String model,
			String apiKeyName) {
	}

	/**
	 * A model's price per million tokens (prompt and completion together), logged against billed, with the sums
	 * behind them so that days add up.
	 *
	 * @param loggedUsdPerMillionTokens null where the log has no tokens for it
	 * @param billedUsdPerMillionTokens null where the bill counts no tokens for it
	 */
	@JsonPropertyOrder({ "model", "loggedUsdPerMillionTokens", "billedUsdPerMillionTokens", "loggedUsd", "loggedTokens",
			"billedUsd", "billedTokens" })
	public record ModelPrice(String model, BigDecimal loggedUsdPerMillionTokens, BigDecimal billedUsdPerMillionTokens,
			BigDecimal loggedUsd, long loggedTokens, BigDecimal billedUsd, long billedTokens) {
	}

}
