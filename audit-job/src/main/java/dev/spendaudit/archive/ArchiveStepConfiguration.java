package dev.spendaudit.archive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.spendaudit.core.DaySteps;
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
 * day's workloads' pages, brought up to date from the store's history; in a range or a catch-up, once, on its last
 * day, for all of its days. A failure here is logged, not the night's:
 * the webhooks and the mail still go out.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ArchiveStepConfiguration.class);

	@Bean
	Archive archive(HistoryReader history, FindingStore findings, PageRenderer renderer, ArchiveSettings settings) {
		return new Archive(new ArchiveHistory(history, findings), renderer, settings);
	}

	@Bean
	Step updateArchive(JobRepository jobRepository, PlatformTransactionManager tx, Archive archive) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			JobParameters params = contribution.getStepExecution().getJobParameters();
			LocalDate date = params.getLocalDate("auditDate");
			Path out = Path.of(params.getString("outDir"));
			List<LocalDate> nights = DaySteps.runDaysEndingWith(params);
			if (nights.isEmpty()) {
				// a range or catch-up writes the archive once, on its last day, for all of its days
				log.debug("{}: archive left to the run's last day", date);
				return RepeatStatus.FINISHED;
			}
			try {
				Archive.Written written = archive.update(out, nights);
				// the pages written, in the step's record: a range shows its one update on its last day
				contribution.incrementWriteCount(written.files().size());
				log.info("{}: archive updated in {} ({} pages{}) in {} ms", date, out.resolve(ArchiveFiles.INDEX),
						written.files().size(), nights.size() > 1 ? ", for the run's " + nights.size() + " days" : "",
						written.millis());
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
