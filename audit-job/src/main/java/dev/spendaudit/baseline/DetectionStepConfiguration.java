package dev.spendaudit.baseline;

import java.time.Clock;
import java.util.Optional;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.source.LiteLlmSource;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code detectFindings}: the day against its baselines, budgets, unpriced models and attribution, into the
 * store; and the digest section that shows the result.
 */
@Configuration(proxyBeanMethods = false)
class DetectionStepConfiguration {

	@Bean
	FindingStore findingStore(DSLContext dsl) {
		return new FindingStore(dsl);
	}

	@Bean
	DayDetector dayDetector(HistoryReader history, LiteLlmSource source, FindingStore findingStore,
			DetectionSettings detection, DetectionListSettings lists, ObjectProvider<CoveredModels> coveredModels,
			Clock clock) {
		// asked at detection time: no subscriptions feature (no bean) means no model is covered
		CoveredModels covered = (model, day) -> coveredModels.orderedStream()
			.map(c -> c.planFor(model, day))
			.flatMap(Optional::stream)
			.findFirst();
		return new DayDetector(history, source, findingStore, detection, lists, covered, clock);
	}

	/** The baselines look back over the drift days plus the window before them. */
	@Bean
	HistoryNeeds detectionHistoryNeeds(DetectionSettings detection) {
		return detection::lookbackDays;
	}

	@Bean
	Step detectFindings(JobRepository jobRepository, PlatformTransactionManager tx, DayDetector detector,
			CoreSettings core) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			AuditDay day = AuditDay.of(execution.getJobParameters().getLocalDate("auditDate"), core.zone());
			detector.detect(day, execution.getJobExecutionId());
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

	@Bean
	@Order(10)
	DigestSection detectionDigestSection(FindingStore findingStore) {
		return new DetectionDigestSection(findingStore);
	}

}
