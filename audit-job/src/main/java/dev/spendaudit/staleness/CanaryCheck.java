package dev.spendaudit.staleness;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The canary key ({@code spend-audit.freshness.canary-key}): a key expected to call at least hourly, so its
 * silence means the gateway or its spend log is broken, never that it was idle.
 *
 * @param key the alias as configured
 * @param found whether any LiteLLM key has that alias
 * @param lastSeen its newest row before the end of the audited day (null when none in the window)
 * @param silentFrom start of its longest silence touching the audited day (its row before, or the window start)
 * @param silentTo end of that silence (its next row, or the end of the day)
 * @param silent whether that silence is longer than {@code canary-max-silence}
 */
public record CanaryCheck(String key, boolean found, LocalDateTime lastSeen, LocalDateTime silentFrom,
		LocalDateTime silentTo, boolean silent) {

	static CanaryCheck notFound(String key) {
		return new CanaryCheck(key, false, null, null, null, true);
	}

	/**
	 * The longest silence that reaches into {@code [dayStart, end)}, over the canary's rows in
	 * {@code [windowStart, end)} (oldest first).
	 */
	static CanaryCheck of(String key, List<LocalDateTime> rows, LocalDateTime windowStart, LocalDateTime dayStart,
			LocalDateTime end, Duration maxSilence) {
		LocalDateTime previous = windowStart;
		LocalDateTime bestFrom = null;
		LocalDateTime bestTo = null;
		for (int i = 0; i <= rows.size(); i++) {
			LocalDateTime next = i < rows.size() ? rows.get(i) : end;
			if (next.isAfter(dayStart) && (bestFrom == null
					|| Duration.between(previous, next).compareTo(Duration.between(bestFrom, bestTo)) > 0)) {
				bestFrom = previous;
				bestTo = next;
			}
			previous = next;
		}
		LocalDateTime lastSeen = rows.isEmpty() ? null : rows.get(rows.size() - 1);
		boolean silent = bestFrom != null && Duration.between(bestFrom, bestTo).compareTo(maxSilence) > 0;
		return new CanaryCheck(key, true, lastSeen, bestFrom, bestTo, silent);
	}

	public Duration longestSilence() {
		return silentFrom == null ? Duration.ZERO : Duration.between(silentFrom, silentTo);
	}

}
