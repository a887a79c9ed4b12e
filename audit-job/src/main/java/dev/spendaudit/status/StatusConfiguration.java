package dev.spendaudit.status;

import dev.spendaudit.delivery.DigestDelivery;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.staleness.FreshnessStore;
import dev.spendaudit.subscriptions.SubscriptionStore;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The status report, on the job's own store.
 */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

	@Bean
	StatusReport statusReport(HistoryReader history, FindingStore findings, SubscriptionStore costs,
			FreshnessStore freshness, DigestDelivery delivery, JobRepository jobs) {
		return new StatusReport(history, findings, costs, freshness, delivery, jobs);
	}

}
