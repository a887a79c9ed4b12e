package dev.spendaudit.keywatch;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Whether a retiring key may be revoked: never while it still shows traffic.
 */
public enum Verdict {

	/** Traffic in the last 24 hours. */
	ACTIVE,
	/** No traffic for a day or more, but for less than {@code quiet-days}. */
	QUIETING,
	/** No traffic for {@code quiet-days} or more. */
	SAFE_TO_REVOKE,
	/** No LiteLLM key has this alias or key name: the setting is probably wrong. */
	NOT_FOUND;

	/**
	 * @param latestSign the newest sign of traffic before {@code end} (a row, {@code last_active}, a daily
	 * aggregate), or null when none was found in the look-back
	 */
	static Verdict of(boolean found, long requests24h, LocalDateTime latestSign, LocalDateTime end, int quietDays) {
		if (!found) {
			return NOT_FOUND;
		}
		if (requests24h > 0 || (latestSign != null && latestSign.isAfter(end.minus(Duration.ofHours(24))))) {
			return ACTIVE;
		}
		if (latestSign != null && latestSign.isAfter(end.minusDays(quietDays))) {
			return QUIETING;
		}
		return SAFE_TO_REVOKE;
	}

}
