package dev.spendaudit.source;

import java.math.BigDecimal;
import java.util.List;

/**
 * Requests by prompt size, and the median request.
 *
 * @param medianPromptTokens the median request's prompt tokens, null without requests
 */
public record PromptSizes(List<Bucket> buckets, Long medianPromptTokens, Long medianCompletionTokens) {

	/**
	 * @param fromTokens lowest prompt size in the bucket
	 * @param toTokens first prompt size above the bucket, null for the last
	 * @param usd spend of the bucket's requests (valid spend only)
	 */
	public record Bucket(long fromTokens, Long toTokens, long requests, BigDecimal usd) {
	}

}
