package dev.spendaudit.findings;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.UnreadGateways;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code detectFindings}: every {@link FindingRule} bean on the audited day, after the feature steps and
 * before the digest, into the one store.
 */
@Configuration(proxyBeanMethods = false)
class FindingsStepConfiguration {

	@Bean
	FindingStore findingStore(DSLContext dsl) {
		return new FindingStore(dsl);
	}

	@Bean
	Acknowledgements acknowledgements(DSLContext dsl) {
		return new Acknowledgements(dsl);
	}

	@Bean
	FindingPipeline findingPipeline(ObjectProvider<FindingRule> rules, FindingStore findingStore,
			Acknowledgements acknowledgements, ObjectProvider<UnreadGateways> unread) {
		return new FindingPipeline(rules.orderedStream().toList(), findingStore, acknowledgements,
				unread.getIfAvailable(() -> UnreadGateways.NONE));
	}

	@Bean
	Step detectFindings(JobRepository jobRepository, PlatformTransactionManager tx, FindingPipeline pipeline,
			CoreSettings core, GatewayNames gateways) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			AuditDay day = AuditDay.of(execution.getJobParameters().getLocalDate("auditDate"), core.zone());
			// the fleet's findings under the first gateway's name, then each gateway's own
			for (String gateway : gateways.names()) {
				pipeline.run(day, gateway, execution.getJobExecutionId(), gateway.equals(gateways.primary()));
			}
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
