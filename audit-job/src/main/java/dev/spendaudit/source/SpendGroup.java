package dev.spendaudit.source;

import java.math.BigDecimal;

/**
 * The day's spend-log rows of one key hash, model and provider, summed in PostgreSQL.
 *
 * @param apiKey the key hash ('' when the call had none)
 * @param model {@code model_group} when non-empty, else {@code model}
 * @param provider {@code custom_llm_provider} ('' when unknown)
 * @param usd exact sum of the valid {@code spend} values; rows with NaN, infinite or negative spend are left out
 * @param invalidSpendRows rows left out of {@code usd}
 * @param invalidMetadataRows rows whose {@code metadata} is not a JSON object (still summed: their spend is valid)
 */
public record SpendGroup(String apiKey, String model, String provider, long requests, long failedRequests,
		long cacheHits, long promptTokens, long completionTokens, BigDecimal usd, long invalidSpendRows,
		long invalidMetadataRows) {
}
