package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One request on a per-request bill (OpenRouter's generation export): its id is LiteLLM's {@code request_id} for
 * the same call, which lets the log be checked request by request.
 *
 * @param provider as in {@link BilledDay#provider()}
 * @param requestId the provider's id ({@code generation_id}: {@code gen-...})
 * @param createdAt when the provider created it (UTC)
 * @param model the model ({@code model_permaslug})
 * @param usd what it cost ({@code cost_total})
 * @param byokUsd BYOK inference, never added to {@code usd}; {@code null} where the bill has none
 * @param promptTokens {@code tokens_prompt}
 * @param completionTokens {@code tokens_completion}
 * @param cachedTokens {@code tokens_cached}
 * @param apiKeyName the provider-side key's name, empty if none
 * @param appName the app the provider attributes it to, empty if none
 */
public record BilledRequest(String provider, String requestId, Instant createdAt, String model, BigDecimal usd,
		BigDecimal byokUsd, long promptTokens, long completionTokens, long cachedTokens, String apiKeyName,
		String appName) {

	public BilledRequest {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(usd, "usd");
		model = model == null ? "" : model;
		apiKeyName = apiKeyName == null ? "" : apiKeyName;
		appName = appName == null ? "" : appName;
	}

}
