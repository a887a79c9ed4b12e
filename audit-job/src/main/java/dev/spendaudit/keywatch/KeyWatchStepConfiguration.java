package dev.spendaudit.keywatch;

import java.util.HashMap;
import java.util.Map;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.history.CallerHistory;
import dev.spendaudit.history.KeyHistory;
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
 * Step {@code watchKeys}: the retiring keys' migration checklist for the audited day. Also the key list behind
 * the {@code keys} command.
 */
@Configuration(proxyBeanMethods = false)
class KeyWatchStepConfiguration {

	@Bean
	KeyWatchStore keyWatchStore(DSLContext dsl) {
		return new KeyWatchStore(dsl);
	}

	@Bean
	KeyWatch keyWatch(SourceGateways gateways, GatewayNames names, KeyHistory history, CallerHistory callers,
			KeyWatchStore store, RetiringKeySettings settings) {
		names.checkEach("spend-audit.retiring-keys", settings.retiringKeys(), RetiringKey::source);
		Map<String, CallerLookback> lookbacks = new HashMap<>();
		gateways.reachable().forEach(g -> lookbacks.put(g.name(), new CallerLookback(g, callers)));
		return new KeyWatch(gateways.reachable(), history, lookbacks, store, settings.retiringKeys());
	}

	@Bean
	KeyInventory keyInventory(LiteLlmSource source, KeyHistory history, RetiringKeySettings settings) {
		return new KeyInventory(source, history, settings.retiringKeys());
	}

	/** A retiring key's traffic is looked for over its quiet days (at least a week) before the audited day. */
	@Bean
	HistoryNeeds keyWatchHistoryNeeds(RetiringKeySettings settings) {
		return () -> settings.retiringKeys().stream().mapToInt(KeyWatch::lookbackDays).max().orElse(0);
	}

	@Bean
	RetiringKeysSection retiringKeysSection(KeyWatchStore store) {
		return new RetiringKeysSection(store);
	}

	@Bean
	@Order(300)
	RetiringKeyRule retiringKeyRule(KeyWatchStore store) {
		return new RetiringKeyRule(store);
	}

	@Bean
	Step watchKeys(JobRepository jobRepository, PlatformTransactionManager tx, KeyWatch watch,
			CoreSettings core) {
		return DaySteps.dayStep(jobRepository, tx, core.zone(), watch::watch);
	}

}
