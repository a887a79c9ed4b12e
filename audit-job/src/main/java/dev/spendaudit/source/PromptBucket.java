package dev.spendaudit.source;

import java.math.BigDecimal;
import java.util.List;

/**
 * The day's requests of one key hash and model whose prompts fall in one size bucket.
 *
 * @param minPromptTokens the bucket's lower bound, one of {@link #BOUNDS}
 * @param usd spend of the bucket's requests (valid spend only)
 */
public record PromptBucket(String apiKey, String model, long minPromptTokens, long requests, BigDecimal usd) {

	/** Lower bounds of the buckets: <1k, 1–8k, 8–32k, 32–128k, >128k prompt tokens. */
	public static final List<Long> BOUNDS = List.of(0L, 1_000L, 8_000L, 32_000L, 128_000L);

	/** Two parts of one bucket (its rows in two halves of the day) as one. */
	PromptBucket plus(PromptBucket other) {
		return new PromptBucket(apiKey, model, minPromptTokens, requests + other.requests, usd.add(other.usd));
	}

	/** The label of the bucket starting at {@code minPromptTokens}, e.g. {@code 1–8k}. */
	public static String label(long minPromptTokens) {
		return switch (BOUNDS.indexOf(minPromptTokens)) {
			case 0 -> "<1k";
			case 1 -> "1–8k";
			case 2 -> "8–32k";
			case 3 -> "32–128k";
			case 4 -> ">128k";
			default -> throw new IllegalArgumentException("no prompt bucket starts at " + minPromptTokens);
		};
	}

}
