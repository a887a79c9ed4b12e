package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.spendaudit.source.Attribution;

/**
 * One stored group of a day: a key hash's calls to one model and provider, from one source, with the workload the
 * hash was attributed to.
 *
 * @param newestStartUtc the group's newest row (null on days rolled up by release 0.1.0)
 * @param unpricedRequests successful, uncached calls with tokens and zero spend (0 on days of release 0.1.0)
 */
public record KeyModelRow(LocalDate date, String source, String apiKey, String workload, Attribution attribution,
		String model, String provider, BigDecimal usd, long requests, long failedRequests, long cacheHits,
		long promptTokens, long completionTokens, long invalidSpendRows, LocalDateTime newestStartUtc,
		long unpricedRequests, long unpricedPromptTokens, long unpricedCompletionTokens) {

	public long tokens() {
		return promptTokens + completionTokens;
	}

}
