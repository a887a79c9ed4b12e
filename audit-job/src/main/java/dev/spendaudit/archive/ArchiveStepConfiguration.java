package dev.spendaudit.archive;

import java.nio.file.Path;
import java.time.LocalDate;

import dev.spendaudit.digest.PageRenderer;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.HistoryReader;
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
 * Step {@code updateArchive}, right after {@code writeDigest}: the archive's index, the day's month page and the
 * day's workloads' pages, brought up to date from the store's history. A failure here is logged, not the night's:
 * the webhooks and the mail still go out.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ArchiveStepConfiguration.class);

	@Bean
	Archive archive(HistoryReader history, FindingStore findings, PageRenderer renderer) {
		return new Archive(new ArchiveHistory(history, findings), renderer);
	}

	@Bean
	Step updateArchive(JobRepository jobRepository, PlatformTransactionManager tx, Archive archive) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			JobParameters params = contribution.getStepExecution().getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			Path out = Path.of(params.getString("outDir"));
			try {
				Archive.Written written = archive.update(out, date);
				log.info("{}: archive updated in {} ({} pages) in {} ms", date, out.resolve(ArchiveFiles.INDEX),
						written.files().size(), written.millis());
			}
			catch (RuntimeException ex) {
				// the archive is for looking back: it never holds back the day's webhooks and mail, and any later
				// night (or the archive command) writes it whole again
				log.error("{}: the archive in {} was not updated: {}; spend-audit archive rebuilds it", date, out,
						ex.getMessage());
			}
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
