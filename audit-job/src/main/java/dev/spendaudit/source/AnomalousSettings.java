package dev.spendaudit.source;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a spend-log row may plausibly hold ({@code spend-audit.anomalous.*}).
 *
 * @param maxRequestUsd the most one request can cost: a finite {@code spend} above it (1e308, a unit mix-up) is
 * left out of the sums and counted as {@code implausibleSpend}
 */
@ConfigurationProperties(prefix = "spend-audit.anomalous", ignoreUnknownFields = false)
public record AnomalousSettings(@DefaultValue("1000") BigDecimal maxRequestUsd) {

	public AnomalousSettings {
		if (maxRequestUsd == null || maxRequestUsd.signum() <= 0) {
			throw new IllegalArgumentException(
					"spend-audit.anomalous.max-request-usd must be more than 0, not " + maxRequestUsd);
		}
	}

	public static AnomalousSettings defaults() {
		return new AnomalousSettings(new BigDecimal("1000"));
	}

}
