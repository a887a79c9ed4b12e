package dev.spendaudit.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a run waits for a day another process is auditing ({@code spend-audit.lock-wait}). Bound at the root
 * prefix, like {@code CoreSettings}, so unknown names there are refused by the start-up check of every
 * {@code spend-audit.*} name.
 *
 * @param lockWait how long to wait for the day's lock before giving up with exit code 8; {@code 0s} gives up at
 * once
 */
@ConfigurationProperties(prefix = "spend-audit")
public record LockSettings(@DefaultValue("0s") Duration lockWait) {

	public LockSettings {
		lockWait = lockWait == null ? Duration.ZERO : lockWait;
		if (lockWait.isNegative() || lockWait.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"spend-audit.lock-wait must be a duration from 0s to 24 days (e.g. 10m), not " + lockWait);
		}
	}

}
