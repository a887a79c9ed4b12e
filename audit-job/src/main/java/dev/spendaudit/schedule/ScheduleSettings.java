package dev.spendaudit.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling ({@code spend-audit.schedule.*}): the {@code schedule} command's cron, and the catch-up that
 * {@code run} without a date and every {@code schedule} fire share ({@link CatchUp}).
 *
 * @param cron Quartz cron expression, evaluated in {@code spend-audit.zone} (default 06:15 every day)
 * @param catchUpDays how many missed days a run without a date (or a fire) audits at most, oldest first, before
 * yesterday
 */
@ConfigurationProperties(prefix = "spend-audit.schedule", ignoreUnknownFields = false)
public record ScheduleSettings(@DefaultValue("0 15 6 * * ?") String cron, @DefaultValue("7") int catchUpDays) {

	public ScheduleSettings {
		if (!org.quartz.CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException("spend-audit.schedule.cron is not a Quartz cron expression: '" + cron
					+ "' (e.g. '0 15 6 * * ?': seconds minutes hours day-of-month month day-of-week)");
		}
		if (catchUpDays < 0 || catchUpDays > 366) {
			throw new IllegalArgumentException("spend-audit.schedule.catch-up-days must be between 0 and 366");
		}
	}

}
