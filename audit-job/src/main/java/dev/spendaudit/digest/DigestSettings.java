package dev.spendaudit.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the digest is laid out ({@code spend-audit.digest.*}).
 *
 * @param topWorkloads workloads listed by name in the table; the rest share one "others" row, so a thousand keys
 * stay readable
 * @param chartWorkloads workloads stacked by name in the 30-day chart (the rest are "others"), and the number of
 * sparklines
 * @param maxFindingsPerKind findings of one kind the digest (and the terminal) lists; the rest fold into one line
 * with their count and money
 */
@ConfigurationProperties(prefix = "spend-audit.digest", ignoreUnknownFields = false)
public record DigestSettings(@DefaultValue("15") int topWorkloads, @DefaultValue("5") int chartWorkloads,
		@DefaultValue("5") int maxFindingsPerKind) {

	/** As many as the chart has distinct colours for. */
	static final int MAX_CHART_WORKLOADS = 8;

	public DigestSettings {
		if (topWorkloads < 1 || topWorkloads > 200) {
			throw new IllegalArgumentException("spend-audit.digest.top-workloads must be 1..200, not " + topWorkloads);
		}
		if (chartWorkloads < 1 || chartWorkloads > MAX_CHART_WORKLOADS) {
			throw new IllegalArgumentException("spend-audit.digest.chart-workloads must be 1.." + MAX_CHART_WORKLOADS
					+ ", not " + chartWorkloads);
		}
		if (maxFindingsPerKind < 1) {
			throw new IllegalArgumentException(
					"spend-audit.digest.max-findings-per-kind must be at least 1, not " + maxFindingsPerKind);
		}
	}

	public static DigestSettings defaults() {
		return new DigestSettings(15, 5, 5);
	}

}
