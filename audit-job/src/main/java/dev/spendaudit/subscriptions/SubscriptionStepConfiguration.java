package dev.spendaudit.subscriptions;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.source.LiteLlmSource;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code costSubscriptions}: flat-fee plans' amortized fees next to the day's metered spend, and the rule
 * that finds a plan paid for and unused. Also provides the {@link dev.spendaudit.core.CoveredModels} the
 * unpriced-model rule asks.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionStepConfiguration {

	@Bean
	SubscriptionPlans subscriptionPlans(SubscriptionSettings settings, GatewayNames gateways) {
		gateways.checkEach("spend-audit.subscriptions", settings.subscriptions(), Subscription::source);
		return new SubscriptionPlans(settings.subscriptions());
	}

	@Bean
	SubscriptionStore subscriptionStore(DSLContext dsl) {
		return new SubscriptionStore(dsl);
	}

	@Bean
	SubscriptionCosts subscriptionCosts(HistoryReader history, SubscriptionStore store, SubscriptionPlans plans) {
		return new SubscriptionCosts(history, store, plans);
	}

	/** The 30-day figures and the month to date reach back at most 30 days before the audited one. */
	@Bean
	HistoryNeeds subscriptionHistoryNeeds() {
		return () -> SubscriptionCosts.WINDOW_DAYS;
	}

	@Bean
	SubscriptionsSection subscriptionsSection(SubscriptionStore store) {
		return new SubscriptionsSection(store);
	}

	@Bean
	@Order(200)
	FlatFeeUnusedRule flatFeeUnusedRule(SubscriptionStore store) {
		return new FlatFeeUnusedRule(store);
	}

	@Bean
	Step costSubscriptions(JobRepository jobRepository, PlatformTransactionManager tx, SubscriptionCosts costs,
			CoreSettings core) {
		return DaySteps.dayStep(jobRepository, tx, core.zone(), costs::cost);
	}

}
