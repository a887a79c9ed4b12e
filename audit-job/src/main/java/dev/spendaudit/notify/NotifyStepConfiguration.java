package dev.spendaudit.notify;

import java.time.Clock;
import java.time.LocalDate;

import dev.spendaudit.findings.FindingStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code notifyWebhooks}: pushes the day's due findings to the configured webhooks, once each. It runs after
 * the digest is written and before it is mailed, so an SMTP outage (which fails {@code sendDigest}) never keeps
 * the push from going out; a webhook that fails never fails the step.
 */
@Configuration(proxyBeanMethods = false)
class NotifyStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotifyStepConfiguration.class);

	@Bean
	SentNotifications sentNotifications(DSLContext dsl, PlatformTransactionManager transactionManager) {
		return new SentNotifications(dsl, transactionManager);
	}

	@Bean
	WebhookNotifier webhookNotifier(NotifySettings settings, SentNotifications sentNotifications,
			FindingStore findingStore, ObjectProvider<FindingQuieting> quieting, Clock clock) {
		return new WebhookNotifier(settings, new WebhookSender(settings), sentNotifications, findingStore,
				quieting.getIfAvailable(() -> FindingQuieting.ACKNOWLEDGED), clock);
	}

	@Bean
	Step notifyWebhooks(JobRepository jobRepository, PlatformTransactionManager tx, WebhookNotifier notifier) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			JobParameters params = execution.getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			WebhookNotifier.Outcome outcome = notifier.notify(date, Boolean.parseBoolean(params.getString("send")),
					execution.getJobExecutionId());
			if (outcome != null) {
				execution.getExecutionContext().putString("webhooks", outcome.line());
				log.info("{}: {}", date, outcome.line());
			}
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
