package dev.spendaudit.statement;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.delivery.DeliveryException;
import dev.spendaudit.delivery.StatementMail;
import dev.spendaudit.digest.Cadence;
import dev.spendaudit.digest.DigestSettings;
import dev.spendaudit.digest.PageRenderer;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.reconcile.Reconciliation;
import dev.spendaudit.subscriptions.SubscriptionPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code mailStatements}: on a night that may mail (not {@code --no-send}, not a range without
 * {@code --send}), writes and mails the statements due, each at most once per period: the previous month's on
 * the first audited night of a month, the previous ISO week's on the first audited night on or after
 * {@code statement.weekly-on}.
 */
@Configuration(proxyBeanMethods = false)
class StatementStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StatementStepConfiguration.class);

	@Bean
	Statements statements(HistoryReader history, FindingStore findings, SubscriptionPlans plans,
			PageRenderer renderer, StatementMail mail, Reconciliation reconciliation, CoreSettings core, Clock clock) {
		return new Statements(history, findings, new StatementBuilder(plans), renderer, mail, reconciliation,
				core.zone().getId(), clock);
	}

	@Bean
	DueStatements dueStatements(StatementSettings settings, DigestSettings digest) {
		return new DueStatements(settings.monthly(), settings.weekly() || digest.cadence() == Cadence.WEEKLY,
				settings.weeklyOn());
	}

	@Bean
	Step mailStatements(JobRepository jobRepository, PlatformTransactionManager tx, Statements statements,
			DueStatements due, HistoryReader history) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			JobParameters params = contribution.getStepExecution().getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			if (!Boolean.parseBoolean(params.getString("send"))) {
				return RepeatStatus.FINISHED;
			}
			Path out = Path.of(params.getString("outDir"));
			List<String> lines = new ArrayList<>();
			boolean newest = history.lastAuditedDay().filter(date::equals).isPresent();
			for (Period period : due.on(date, newest)) {
				if (statements.mailed(period) || history.daysWithFacts(period.from(), period.to()).isEmpty()) {
					continue;
				}
				StatementMail.Outcome outcome;
				try {
					outcome = statements.mailOnce(statements.write(period, out));
				}
				catch (DeliveryException ex) {
					// as for the digest: one line, the step (and the day) failed, and the next night sends it
					log.error("{}: {}", date, ex.getMessage());
					var execution = contribution.getStepExecution();
					execution.addFailureException(ex);
					execution.setStatus(BatchStatus.FAILED);
					contribution.setExitStatus(ExitStatus.FAILED.addExitDescription(ex.getMessage()));
					return RepeatStatus.FINISHED;
				}
				log.info("{}: {}", date, outcome.line());
				lines.add(outcome.line());
			}
			if (!lines.isEmpty()) {
				contribution.getStepExecution().getExecutionContext().putString("statements", String.join("; ", lines));
			}
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
