package dev.spendaudit.staleness;

import java.time.Clock;
import java.util.List;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.LogHistory;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SourceGateways;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code checkFreshness}: is the spend log still being written, as seen from the end of the audited day; the
 * rule that makes findings of it, and the digest section that shows it.
 */
@Configuration(proxyBeanMethods = false)
class FreshnessStepConfiguration {

	@Bean
	FreshnessStore freshnessStore(DSLContext dsl) {
		return new FreshnessStore(dsl);
	}

	@Bean
	FreshnessCheck freshnessCheck(LiteLlmSource source, SourceGateways gateways, GatewayNames names,
			HistoryReader history, LogHistory logHistory, KeyHistory keyHistory, FreshnessStore store,
			FreshnessSettings settings, Clock clock) {
		names.check(FreshnessSettings.PREFIX + "canary-source", settings.canarySource());
		// the canary's own gateway when one is named (none, when it could not be read: GATEWAY_MISSING says so)
		List<LiteLlmSource> canary = gateways.reachable()
			.stream()
			.filter(g -> settings.canarySource() == null || settings.canarySource().equals(g.name()))
			.toList();
		return new FreshnessCheck(source, canary, history, logHistory, keyHistory, store, settings, clock);
	}

	@Bean
	FreshnessSection freshnessSection(FreshnessStore store, FreshnessSettings settings) {
		return new FreshnessSection(store, settings);
	}

	/** The capture check compares the UTC dates of the gap window, which reaches back a few days. */
	@Bean
	HistoryNeeds freshnessHistoryNeeds(FreshnessSettings settings) {
		return () -> (int) settings.gapWindow().toDays() + 1;
	}

	@Bean
	@Order(100)
	FreshnessRule freshnessRule(FreshnessStore store, FreshnessSettings settings) {
		return new FreshnessRule(store, settings);
	}

	@Bean
	@Order(99)
	GatewayRule gatewayRule(HistoryReader history, FreshnessSettings settings, GatewayNames gateways) {
		return new GatewayRule(history, settings, gateways);
	}

	@Bean
	Step checkFreshness(JobRepository jobRepository, PlatformTransactionManager tx, FreshnessCheck check,
			CoreSettings core) {
		return DaySteps.dayStep(jobRepository, tx, core.zone(), check::check);
	}

}
