package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The day's spend-log rows of one key hash, model and provider, summed in PostgreSQL.
 *
 * @param apiKey the key hash ('' when the call had none)
 * @param model {@code model_group} when non-empty, else {@code model}
 * @param provider {@code custom_llm_provider} ('' when unknown)
 * @param usd exact sum of the valid {@code spend} values; rows with NaN, infinite, negative or implausibly high
 * spend (above {@code spend-audit.anomalous.max-request-usd}) are left out
 * @param invalidSpendRows rows left out of {@code usd}
 * @param newestStartUtc the newest {@code "startTime"} of the group
 * @param unpriced the group's successful, uncached calls that carried tokens and logged zero spend
 * @param tagWorkload the workload the group's requests name in a tag ({@code spend-audit.tags.workload-prefix}), or
 * null for the key's own; a key's calls split into one group per tag workload
 */
public record SpendGroup(String apiKey, String model, String provider, long requests, long failedRequests,
		long cacheHits, long promptTokens, long completionTokens, BigDecimal usd, long invalidSpendRows,
		LocalDateTime newestStartUtc, Unpriced unpriced, String tagWorkload) {

	/** Two parts of one group (its rows in two halves of the day) as one: counts and spend added, newest kept. */
	SpendGroup plus(SpendGroup other) {
		LocalDateTime newest = CallerHints.Builder.newest(newestStartUtc, other.newestStartUtc);
		return new SpendGroup(apiKey, model, provider, requests + other.requests, failedRequests + other.failedRequests,
				cacheHits + other.cacheHits, promptTokens + other.promptTokens, completionTokens + other.completionTokens,
				usd.add(other.usd), invalidSpendRows + other.invalidSpendRows, newest, unpriced.plus(other.unpriced),
				tagWorkload);
	}

	/** Calls that carried tokens but logged no spend: their cost is missing from every figure. */
	public record Unpriced(long requests, long promptTokens, long completionTokens) {

		public static final Unpriced NONE = new Unpriced(0, 0, 0);

		Unpriced plus(Unpriced other) {
			return new Unpriced(requests + other.requests, promptTokens + other.promptTokens,
					completionTokens + other.completionTokens);
		}

	}

}
