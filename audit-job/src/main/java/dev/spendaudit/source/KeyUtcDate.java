package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The day's rows of one key hash on one UTC date: LiteLLM's daily aggregates count per UTC date, so an audited day
 * in another zone has parts of two.
 */
public record KeyUtcDate(LocalDate utcDate, String apiKey, long requests, long failedRequests, BigDecimal usd) {

	/** Two parts of one key's UTC date (its rows in two halves of the day) as one. */
	KeyUtcDate plus(KeyUtcDate other) {
		return new KeyUtcDate(utcDate, apiKey, requests + other.requests, failedRequests + other.failedRequests,
				usd.add(other.usd));
	}

}
