package dev.spendaudit.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code sendDigest}: mails the day's rendered digest, at most once per day. Also composes the mail
 * ({@code digest-DATE.eml}) when the digest is rendered, whether or not it is sent.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeliveryStepConfiguration.class);

	@Bean
	SentDigests sentDigests(DSLContext dsl, PlatformTransactionManager transactionManager) {
		return new SentDigests(dsl, transactionManager);
	}

	@Bean
	DigestMessages digestMessages(MailSettings settings, SentDigests sentDigests, Clock clock) {
		return new DigestMessages(settings, sentDigests, clock);
	}

	/**
	 * The SMTP timeouts of {@code spend-audit.mail.*} go into the sender before its first session; a JavaMail
	 * property set explicitly under {@code spring.mail.properties} wins.
	 */
	@Bean
	DigestDelivery digestDelivery(MailSettings settings, ObjectProvider<JavaMailSender> sender,
			SentDigests sentDigests, DigestMessages digestMessages, Clock clock) {
		JavaMailSender mailSender = sender.getIfAvailable();
		if (mailSender instanceof JavaMailSenderImpl impl) {
			settings.javaMailTimeouts().forEach(impl.getJavaMailProperties()::putIfAbsent);
		}
		return new DigestDelivery(settings, mailSender, sentDigests, digestMessages, clock);
	}

	@Bean
	StatementMail statementMail(MailSettings settings, ObjectProvider<JavaMailSender> sender, DSLContext dsl,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new StatementMail(settings, sender.getIfAvailable(), new SentStatements(dsl, transactionManager), clock);
	}

	@Bean
	Step sendDigest(JobRepository jobRepository, PlatformTransactionManager tx, DigestDelivery delivery) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			JobParameters params = execution.getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			DigestDelivery.Outcome outcome;
			try {
				outcome = delivery.deliver(date, Path.of(params.getString("outDir")),
						Boolean.parseBoolean(params.getString("send")),
						Boolean.parseBoolean(params.getString("resend")), execution.getJobExecutionId());
			}
			catch (DeliveryException ex) {
				// an SMTP outage is an expected failure: fail the step (and the run) with its one line, instead of
				// the stack trace Spring Batch logs for a thrown exception; the run restarts next time
				log.error("{}: {}", date, ex.getMessage());
				execution.addFailureException(ex);
				execution.setStatus(BatchStatus.FAILED);
				contribution.setExitStatus(ExitStatus.FAILED.addExitDescription(ex.getMessage()));
				return RepeatStatus.FINISHED;
			}
			execution.getExecutionContext().putString("mail", outcome.line());
			log.info("{}: {}", date, outcome.line());
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
