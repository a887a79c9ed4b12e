package dev.spendaudit.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks for what cannot wait ({@code spend-audit.notify.*}). None by default.
 *
 * @param webhooks where a new finding is pushed, checked here, where each entry's index is known, so a message
 * names the exact path ({@code spend-audit.notify.webhooks[1].format})
 * @param timeout how long one request may take to connect and to be answered
 * @param retries how many times a request that got no answer, a 5xx or a 429 is tried again within the run
 * @param retryDelay the pause before the first retry (doubling after it)
 */
@ConfigurationProperties(prefix = "spend-audit.notify", ignoreUnknownFields = false)
public record NotifySettings(List<Webhook> webhooks, @DefaultValue("5s") Duration timeout,
		@DefaultValue("2") int retries, @DefaultValue("1s") Duration retryDelay) {

	public NotifySettings {
		webhooks = Webhook.validated(webhooks);
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("spend-audit.notify.timeout must be between 1ms and 1m, not " + timeout);
		}
		if (retries < 0 || retries > 10) {
			throw new IllegalArgumentException("spend-audit.notify.retries must be between 0 and 10, not " + retries);
		}
		if (retryDelay.isNegative() || retryDelay.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("spend-audit.notify.retry-delay must be between 0 and 1m, not "
					+ retryDelay);
		}
	}

	/** No webhooks. */
	public static NotifySettings none() {
		return new NotifySettings(List.of(), Duration.ofSeconds(5), 2, Duration.ofSeconds(1));
	}

}
