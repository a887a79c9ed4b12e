package dev.spendaudit.schedule;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Launching audited days, from the command line or in-process.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	DayLocks dayLocks(DataSource dataSource) {
		return new DayLocks(dataSource);
	}

	@Bean
	AuditLauncher auditLauncher(JobOperator jobOperator, JobRepository jobRepository, Job spendAudit,
			DayLocks dayLocks) {
		return new AuditLauncher(jobOperator, jobRepository, spendAudit, dayLocks);
	}

}
