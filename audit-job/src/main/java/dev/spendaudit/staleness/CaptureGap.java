package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * Traffic of one key that an independent signal counted and the spend log did not.
 *
 * @param periodStart start of the compared period (a UTC day, or the first of two counter snapshots)
 * @param periodEnd end of the compared period
 * @param expectedRequests successful requests the signal counted (null: counters know only money)
 * @param loggedRequests successful requests in the spend log for the same key and period (null with counters)
 * @param expectedUsd spend the signal counted
 * @param loggedUsd spend in the spend log
 */
public record CaptureGap(String apiKey, String workload, LocalDateTime periodStart, LocalDateTime periodEnd,
		Signal signal, Long expectedRequests, Long loggedRequests, BigDecimal expectedUsd, BigDecimal loggedUsd) {

	/** Requests with no row (null when only counters were compared). */
	public Long uncapturedRequests() {
		return expectedRequests == null || loggedRequests == null ? null
				: Math.max(0, expectedRequests - loggedRequests);
	}

	/** Spend with no row, to the micro-dollar (floating-point sums differ in the last digits). */
	public BigDecimal uncapturedUsd() {
		BigDecimal missing = expectedUsd.subtract(loggedUsd).setScale(6, RoundingMode.HALF_UP);
		return missing.signum() > 0 ? missing.stripTrailingZeros() : BigDecimal.ZERO;
	}

	CaptureGap withWorkload(String name) {
		return new CaptureGap(apiKey, name, periodStart, periodEnd, signal, expectedRequests, loggedRequests,
				expectedUsd, loggedUsd);
	}

}
