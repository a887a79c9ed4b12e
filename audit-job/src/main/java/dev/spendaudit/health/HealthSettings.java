package dev.spendaudit.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's own health signals ({@code spend-audit.health.*}): a heartbeat for a dead-man's switch and a Prometheus
 * textfile for node_exporter. Both are off until configured, and neither ever fails a run.
 *
 * @param pingUrl a healthchecks.io-style check URL: {@code URL/start} when a run starts, {@code URL} when it is done,
 * {@code URL/fail} when it failed. Its path may hold a secret: only the host is ever logged or shown
 * @param pingExitCode ping {@code URL/EXITCODE} at the end instead of {@code URL} or {@code URL/fail}, for services
 * that take the exit status (healthchecks.io does)
 * @param pingTimeout how long one ping may take to connect and to be answered
 * @param pingRetries how many times a ping that got no answer, or a 5xx/429, is tried again
 * @param pingRetryDelay the pause before each retry
 * @param textfileDir node_exporter's textfile collector folder: {@code spend-audit.prom} is written there after each
 * run
 */
@ConfigurationProperties(prefix = "spend-audit.health", ignoreUnknownFields = false)
public record HealthSettings(String pingUrl, @DefaultValue("false") boolean pingExitCode,
		@DefaultValue("5s") Duration pingTimeout, @DefaultValue("2") int pingRetries,
		@DefaultValue("1s") Duration pingRetryDelay, Path textfileDir) {

	public HealthSettings {
		pingUrl = pingUrl == null || pingUrl.isBlank() ? null : pingUrl.strip();
		if (pingUrl != null) {
			// parsed here so that a bad URL stops the run at start-up, naming the setting but not the value
			PingUrl.parse(pingUrl);
		}
		if (pingTimeout.isNegative() || pingTimeout.isZero() || pingTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("spend-audit.health.ping-timeout must be between 1ms and 1m, not "
					+ pingTimeout);
		}
		if (pingRetries < 0 || pingRetries > 10) {
			throw new IllegalArgumentException("spend-audit.health.ping-retries must be between 0 and 10, not "
					+ pingRetries);
		}
		if (pingRetryDelay.isNegative() || pingRetryDelay.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("spend-audit.health.ping-retry-delay must be between 0 and 1m, not "
					+ pingRetryDelay);
		}
	}

	/** Nothing configured: no heartbeat, no textfile. */
	public static HealthSettings none() {
		return new HealthSettings(null, false, Duration.ofSeconds(5), 2, Duration.ofSeconds(1), null);
	}

	/** The heartbeat's URL, when one is configured. */
	public Optional<PingUrl> ping() {
		return pingUrl == null ? Optional.empty() : Optional.of(PingUrl.parse(pingUrl));
	}

	@Override
	public String toString() {
		return "HealthSettings[pingUrl=" + ping().map(PingUrl::toString).orElse("") + ", pingExitCode=" + pingExitCode
				+ ", pingTimeout=" + pingTimeout + ", pingRetries=" + pingRetries + ", pingRetryDelay="
				+ pingRetryDelay + ", textfileDir=" + textfileDir + "]";
	}

}
