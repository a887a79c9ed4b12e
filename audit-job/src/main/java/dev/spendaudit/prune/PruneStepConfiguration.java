package dev.spendaudit.prune;

import java.nio.file.Path;
import java.time.Clock;

import dev.spendaudit.core.DaySteps;
import dev.spendaudit.store.StoreSettings;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code pruneStore}, the job's last: once the day is audited (and mailed), the old job records and output
 * files go (in a range or a catch-up, once, after its last day). Housekeeping never fails the day: a prune that
 * cannot run is one warning, tried again the next night.
 */
@Configuration(proxyBeanMethods = false)
class PruneStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PruneStepConfiguration.class);

	@Bean
	Pruner pruner(DSLContext dsl, StoreSettings store, PruneSettings settings, Clock clock) {
		return new Pruner(dsl, store, settings, clock);
	}

	@Bean
	Step pruneStore(JobRepository jobRepository, PlatformTransactionManager tx, Pruner pruner) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			JobParameters params = contribution.getStepExecution().getJobParameters();
			if (DaySteps.runDaysEndingWith(params).isEmpty()) {
				// a range or catch-up prunes once, after its last day
				return RepeatStatus.FINISHED;
			}
			Path out = Path.of(params.getString("outDir"));
			try {
				pruner.prune(out).lines().forEach(line -> log.info("prune: {}", line));
			}
			catch (RuntimeException ex) {
				log.warn("prune: skipped tonight: {}", ex.getMessage());
			}
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
