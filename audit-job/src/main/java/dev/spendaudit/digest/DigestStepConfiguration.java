package dev.spendaudit.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import dev.spendaudit.core.DaySteps;
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
 * Step {@code writeDigest}: the day's digest document, from the store, into the output folder as JSON, rendered
 * as HTML, text and charts, and handed to the {@link DigestOutput}s (the mail's {@code .eml}).
 */
@Configuration(proxyBeanMethods = false)
class DigestStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DigestStepConfiguration.class);

	@Bean
	SpendHistory spendHistory(DSLContext dsl) {
		return new SpendHistory(dsl);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	HistorySection historySection(SpendHistory spendHistory) {
		return new HistorySection(spendHistory);
	}

	@Bean
	DigestAssembler digestAssembler(DSLContext dsl, Clock clock, ObjectProvider<DigestSection> sections) {
		return new DigestAssembler(dsl, clock, sections.orderedStream().toList());
	}

	@Bean
	DigestRenderer digestRenderer(freemarker.template.Configuration freemarker, SpendHistory spendHistory,
			DigestSettings settings) {
		return new DigestRenderer(freemarker, spendHistory, settings);
	}

	@Bean
	DigestFiles digestFiles() {
		return new DigestFiles();
	}

	@Bean
	Step writeDigest(JobRepository jobRepository, PlatformTransactionManager tx, DigestAssembler assembler,
			DigestRenderer renderer, DigestFiles files, ObjectProvider<DigestOutput> outputs) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			JobParameters params = execution.getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			Path out = Path.of(params.getString("outDir"));
			long started = System.nanoTime();
			DigestDocument document = assembler.assemble(date, execution.getJobExecutionId(),
					params.getString("rerunCommand"));
			Path json = files.writeJson(out, document);
			DigestRenderer.Rendering rendering = renderer.render(document);
			files.writeRendered(out, rendering);
			outputs.orderedStream().forEach(o -> o.rendered(rendering.digest(), out, execution.getJobExecutionId()));
			execution.getExecutionContext().putString(DaySteps.DIGEST_JSON, json.toString());
			log.info("{}: digest written to {} (json, html, txt, {} images) in {} ms", date,
					out.resolve(DigestFiles.name(date, "*")), rendering.digest().images().size(),
					(System.nanoTime() - started) / 1_000_000);
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
