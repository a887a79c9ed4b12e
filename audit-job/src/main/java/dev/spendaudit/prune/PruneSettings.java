package dev.spendaudit.prune;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the output folder's per-day files are kept ({@code spend-audit.out-retention}). Bound at the root
 * prefix, like the core settings, so unknown names there are refused by the start-up check of every
 * {@code spend-audit.*} name.
 *
 * @param outRetention files older than this go ({@code 365d}); none: kept forever
 */
@ConfigurationProperties(prefix = "spend-audit")
public record PruneSettings(Duration outRetention) {

	public PruneSettings {
		if (outRetention != null && (outRetention.isNegative() || outRetention.isZero())) {
			throw new IllegalArgumentException("spend-audit.out-retention must be positive, not " + outRetention);
		}
	}

}
