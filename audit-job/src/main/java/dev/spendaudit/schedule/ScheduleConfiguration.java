package dev.spendaudit.schedule;

import java.time.Clock;
import java.util.TimeZone;

import javax.sql.DataSource;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.ExitSettings;
import dev.spendaudit.delivery.DigestDelivery;
import dev.spendaudit.health.HealthSettings;
import dev.spendaudit.history.HistoryReader;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

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
	DayLocks dayLocks(DataSource dataSource, LockSettings settings) {
		return new DayLocks(dataSource, settings.lockWait());
	}

	@Bean
	NightlyRun nightlyRun(AuditLauncher launcher, HistoryReader history, Clock clock) {
		return new NightlyRun(launcher, history, clock);
	}

	@Bean
	ScheduledNight scheduledNight(NightlyRun nightlyRun, CoreSettings core, ScheduleSettings schedule,
			HealthSettings health, ExitSettings exit, Clock clock, DigestDelivery digestDelivery) {
		return new ScheduledNight(nightlyRun, new ScheduledNight.Settings(core, schedule, health, exit), clock,
				digestDelivery);
	}

	@Bean
	JobDetail nightlyAuditJobDetail() {
		return JobBuilder.newJob(NightlyAuditJob.class).withIdentity("nightlyAudit").storeDurably().build();
	}

	/** Fires {@code spend-audit.schedule.cron} in {@code spend-audit.zone}; a misfired night runs once, late. */
	@Bean
	Trigger nightlyAuditTrigger(JobDetail nightlyAuditJobDetail, CoreSettings core, ScheduleSettings schedule) {
		return TriggerBuilder.newTrigger()
			.forJob(nightlyAuditJobDetail)
			.withIdentity("nightlyAudit")
			.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(core.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	@Bean
	AuditLauncher auditLauncher(JobOperator jobOperator, JobRepository jobRepository, Job spendAudit,
			DayLocks dayLocks, HistoryReader history) {
		return new AuditLauncher(jobOperator, jobRepository, spendAudit, dayLocks, history::missingSources);
	}

}
