package dev.spendaudit.rollup;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.source.LiteLlmSource;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code rollupSpend}: the day's spend by workload and model, into the store.
 */
@Configuration(proxyBeanMethods = false)
class RollupStepConfiguration {

	@Bean
	RollupStore rollupStore(DSLContext dsl) {
		return new RollupStore(dsl);
	}

	@Bean
	SpendRollup spendRollup(LiteLlmSource source, RollupStore store) {
		return new SpendRollup(source, store);
	}

	@Bean
	Step rollupSpend(JobRepository jobRepository, PlatformTransactionManager tx, SpendRollup rollup,
			CoreSettings core) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			AuditDay day = AuditDay.of(execution.getJobParameters().getLocalDate("auditDate"), core.zone());
			rollup.rollup(day, execution.getJobExecutionId());
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
