package dev.spendaudit.subscriptions;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The flat-fee plans ({@code spend-audit.subscriptions[i]}), whose calls carry no metered spend.
 *
 * @param subscriptions the plans, checked here, where each entry's index is known, so a message names the exact
 * path ({@code spend-audit.subscriptions[1].fee-usd})
 */
@ConfigurationProperties(prefix = "spend-audit")
public record SubscriptionSettings(List<Subscription> subscriptions) {

	public SubscriptionSettings {
		subscriptions = Subscription.validated(subscriptions);
	}

}
