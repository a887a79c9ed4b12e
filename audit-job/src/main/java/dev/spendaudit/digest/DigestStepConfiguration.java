package dev.spendaudit.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
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
 * Step {@code writeDigest}: the day's digest document, from the store, into the output folder.
 */
@Configuration(proxyBeanMethods = false)
class DigestStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DigestStepConfiguration.class);

	@Bean
	DigestAssembler digestAssembler(DSLContext dsl, Clock clock, ObjectProvider<DigestSection> sections) {
		return new DigestAssembler(dsl, clock, sections.orderedStream().toList());
	}

	@Bean
	DigestFiles digestFiles() {
		return new DigestFiles();
	}

	@Bean
	Step writeDigest(JobRepository jobRepository, PlatformTransactionManager tx, DigestAssembler assembler,
			DigestFiles files) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var execution = contribution.getStepExecution();
			JobParameters params = execution.getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			Path out = Path.of(params.getString("outDir"));
			DigestDocument document = assembler.assemble(date, execution.getJobExecutionId(),
					params.getString("rerunCommand"));
			Path json = files.writeJson(out, document);
			execution.getExecutionContext().putString("digestJson", json.toString());
			log.info("{}: digest written to {}", date, json);
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
