package dev.spendaudit.readday;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.core.Progress;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.HistoryWriter;
import dev.spendaudit.schedule.DayLocks;
import dev.spendaudit.source.CallerWatch;
import dev.spendaudit.source.SourceGateways;
import dev.spendaudit.staleness.FreshnessSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Steps {@code ensureHistory} (the days the features look back over are in the store) and {@code readDay} (the
 * audited day, read once into its facts).
 */
@Configuration(proxyBeanMethods = false)
class ReadDayStepConfiguration {

	@Bean
	DayReader dayReader(SourceGateways source, HistoryWriter writer, HistoryReader reader, Clock clock,
			ObjectProvider<CallerWatch> watched) {
		return new DayReader(source, writer, reader, clock, watched.getIfAvailable(() -> CallerWatch.NONE));
	}

	@Bean
	SourcesSection sourcesSection(HistoryReader reader, GatewayNames gateways, FreshnessSettings freshness) {
		return new SourcesSection(reader, gateways, freshness);
	}

	@Bean
	SourceReadSection sourceReadSection() {
		return new SourceReadSection();
	}

	@Bean
	EnsureHistory ensureHistoryOfDays(HistoryReader reader, DayReader dayReader, DayLocks locks, CoreSettings core,
			ObjectProvider<HistoryNeeds> needs, Progress progress) {
		int daysBefore = needs.orderedStream().mapToInt(HistoryNeeds::daysBefore).max().orElse(0);
		return new EnsureHistory(reader, dayReader, locks, core.zone(), daysBefore, progress);
	}

	/** How far the history step is, for a terminal's progress bar (the command line listens). */
	@Bean
	Progress progress() {
		return new Progress();
	}

	/**
	 * No transaction around the tasklet: each rolled-up day commits in its own transaction while its day lock is
	 * held, so another process that takes the lock next sees it.
	 */
	@Bean
	Step ensureHistory(JobRepository jobRepository, EnsureHistory history) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			history.ensure(execution.getJobParameters().getLocalDate("auditDate"), execution.getJobExecutionId());
			return RepeatStatus.FINISHED;
		}, new ResourcelessTransactionManager()).allowStartIfComplete(true).build();
	}

	@Bean
	Step readDay(JobRepository jobRepository, PlatformTransactionManager tx, DayReader reader, CoreSettings core,
			FreshnessSettings freshness, SourceReadSection reads) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			AuditDay day = AuditDay.of(execution.getJobParameters().getLocalDate("auditDate"), core.zone());
			boolean force = Boolean.parseBoolean(execution.getJobParameters().getString(DaySteps.FORCE));
			List<LocalDate> runDays = DaySteps.dates(execution.getJobParameters().getString(DaySteps.RUN_DAYS));
			reads.record(day.date(),
					reader.readAudited(day, freshness.gapWindow(), execution.getJobExecutionId(), force, runDays));
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
