package dev.spendaudit.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.source.SourceListSettings;
import dev.spendaudit.history.HistoryWriter;
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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code writeDigest}: the day's digest document, from the history, into the output folder as JSON, rendered
 * as HTML, text and charts, and handed to the {@link DigestOutput}s (the mail's {@code .eml}); the day then counts
 * as audited.
 */
@Configuration(proxyBeanMethods = false)
class DigestStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DigestStepConfiguration.class);

	/** The comparisons go back 30 days before the audited one; the charts 29. */
	@Bean
	HistoryNeeds digestHistoryNeeds() {
		return () -> History.DAYS - 1;
	}

	@Bean
	DigestHistory digestHistory(HistoryReader history) {
		return new DigestHistory(history);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	HistorySection historySection(DigestHistory history) {
		return new HistorySection(history);
	}

	@Bean
	DigestAssembler digestAssembler(HistoryReader history, Clock clock, ObjectProvider<DigestSection> sections,
			FindingStore findingStore, SourceListSettings sources) {
		return new DigestAssembler(history, clock, sections.orderedStream().toList(), findingStore,
				sources.mergeWorkloadsAcrossSources());
	}

	@Bean
	DigestRenderer digestRenderer(freemarker.template.Configuration freemarker, DigestHistory history,
			DigestSettings settings) {
		return new DigestRenderer(freemarker, history, settings);
	}

	@Bean
	PageRenderer pageRenderer(freemarker.template.Configuration freemarker) {
		return new PageRenderer(freemarker);
	}

	@Bean
	DigestFiles digestFiles() {
		return new DigestFiles();
	}

	@Bean
	Step writeDigest(JobRepository jobRepository, PlatformTransactionManager tx, DigestAssembler assembler,
			DigestRenderer renderer, DigestFiles files, ObjectProvider<DigestOutput> outputs, HistoryWriter history,
			DigestHistory digestHistory, Clock clock) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			JobParameters params = execution.getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			Path out = Path.of(params.getString("outDir"));
			long started = System.nanoTime();
			digestHistory.forget();
			DigestDocument document = assembler.assemble(date, execution.getJobExecutionId(),
					params.getString("rerunCommand"), DaySteps.dates(params.getString(DaySteps.MISSED_DAYS)));
			Path json = files.writeJson(out, document);
			DigestRenderer.Rendering rendering = renderer.render(document);
			files.writeRendered(out, rendering);
			outputs.orderedStream().forEach(o -> o.rendered(rendering.digest(), out, execution.getJobExecutionId()));
			execution.getExecutionContext().putString(DaySteps.DIGEST_JSON, json.toString());
			// the day's own job has written its digest: from now on it is an audited day, not only history
			history.markAudited(date, execution.getJobExecutionId(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
			log.info("{}: digest written to {} (json, html, txt, {} images) in {} ms", date,
					out.resolve(DigestFiles.name(date, "*")), rendering.digest().images().size(),
					(System.nanoTime() - started) / 1_000_000);
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
