package dev.spendaudit;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code spendAudit} job: one instance per audited day. History first ({@code ensureHistory}), then the day is
 * read once ({@code readDay}); every later step reads the stored facts; the digest, then the archive; once the day is done, housekeeping
 * ({@code pruneStore}). The steps live in their feature packages.
 */
@Configuration(proxyBeanMethods = false)
class AuditJobConfiguration {

	/** The job's name in Spring Batch's tables. */
	static final String JOB_NAME = "spendAudit";

	@Bean
	Job spendAudit(JobRepository jobRepository, Step ensureHistory, Step readDay, Step checkFreshness,
			Step costSubscriptions, Step reconcileBills, Step watchKeys, Step detectFindings, Step writeDigest,
			Step updateArchive, Step notifyWebhooks, Step sendDigest, Step mailStatements, Step pruneStore) {
		return new JobBuilder(JOB_NAME, jobRepository).start(ensureHistory)
			.next(readDay)
			.next(checkFreshness)
			.next(costSubscriptions)
			.next(reconcileBills)
			.next(watchKeys)
			.next(detectFindings)
			.next(writeDigest)
			// the archive's index, the day's month and workloads, beside the digest it links
			.next(updateArchive)
			// before the mail, so that an SMTP outage (which fails sendDigest) never holds back a push
			.next(notifyWebhooks)
			.next(sendDigest)
			// the month's and the week's statements, each mailed once per period, whatever the cadence
			.next(mailStatements)
			.next(pruneStore)
			.build();
	}

}
