package dev.spendaudit.staleness;

import java.time.Clock;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DaySteps;
import dev.spendaudit.source.LiteLlmSource;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code checkFreshness}: is the spend log still being written, as seen from the end of the audited day.
 */
@Configuration(proxyBeanMethods = false)
class FreshnessStepConfiguration {

	@Bean
	FreshnessStore freshnessStore(DSLContext dsl) {
		return new FreshnessStore(dsl);
	}

	@Bean
	FreshnessCheck freshnessCheck(LiteLlmSource source, FreshnessStore store, FreshnessSettings settings,
			Clock clock) {
		return new FreshnessCheck(source, store, settings, clock);
	}

	@Bean
	FreshnessSection freshnessSection(FreshnessStore store, FreshnessSettings settings) {
		return new FreshnessSection(store, settings);
	}

	@Bean
	Step checkFreshness(JobRepository jobRepository, PlatformTransactionManager tx, FreshnessCheck check,
			CoreSettings core) {
		return DaySteps.dayStep(jobRepository, tx, core.zone(), check::check);
	}

}
