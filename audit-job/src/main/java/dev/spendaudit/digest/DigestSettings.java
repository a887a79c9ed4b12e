package dev.spendaudit.digest;

import dev.spendaudit.core.Severity;
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
 * @param cadence when the digest is mailed: {@code daily} (every day), {@code alerts} (days at or above
 * {@code mailOn}) or {@code weekly} (the weekly statement, plus those days at once); files are written every night
 * @param mailOn the severity a day needs to be mailed under {@code alerts} and {@code weekly}: ALERT or WATCH
 */
@ConfigurationProperties(prefix = "spend-audit.digest", ignoreUnknownFields = false)
public record DigestSettings(@DefaultValue("15") int topWorkloads, @DefaultValue("5") int chartWorkloads,
		@DefaultValue("5") int maxFindingsPerKind, @DefaultValue("daily") Cadence cadence,
		@DefaultValue("ALERT") Severity mailOn) {


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
		cadence = cadence == null ? Cadence.DAILY : cadence;
		mailOn = mailOn == null ? Severity.ALERT : mailOn;
		if (mailOn == Severity.INFO) {
			throw new IllegalArgumentException("spend-audit.digest.mail-on must be ALERT or WATCH, not INFO");
		}
	}

	/** Whether the day's digest is mailed under the cadence, given its status and the other days it lists. */
	public MailChoice mailChoice(String status, java.util.Collection<String> otherStatuses) {
		return MailChoice.of(cadence, mailOn, status, otherStatuses);
	}

	public static DigestSettings defaults() {
		return new DigestSettings(15, 5, 5, Cadence.DAILY, Severity.ALERT);
	}

}
