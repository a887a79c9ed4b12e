package dev.spendaudit.history;

import java.math.BigDecimal;

/**
 * Requests of a day by prompt size, summed over some key hashes.
 *
 * @param minPromptTokens the bucket's lower bound (see {@link dev.spendaudit.source.PromptBucket#BOUNDS})
 */
public record PromptBucketCount(long minPromptTokens, long requests, BigDecimal usd) {
}
