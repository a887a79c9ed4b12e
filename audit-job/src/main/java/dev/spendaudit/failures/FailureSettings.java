package dev.spendaudit.failures;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a workload's failed calls are worth a look ({@code spend-audit.failures.*}).
 *
 * @param share the day's failed requests of a workload, as a share of its requests, from which it is a WATCH
 * @param minFailed the fewest failed requests that count, so three failures out of five on a quiet key stay quiet
 */
@ConfigurationProperties(prefix = "spend-audit.failures", ignoreUnknownFields = false)
public record FailureSettings(@DefaultValue("0.20") BigDecimal share, @DefaultValue("20") long minFailed) {

	public FailureSettings {
		if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("spend-audit.failures.share must be above 0 and at most 1, not " + share);
		}
		if (minFailed < 1) {
			throw new IllegalArgumentException("spend-audit.failures.min-failed must be at least 1, not " + minFailed);
		}
	}

}
