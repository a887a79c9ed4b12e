package dev.spendaudit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind the {@code schedule} command: one scheduled night. Never two at once.
 */
@DisallowConcurrentExecution
public class NightlyAuditJob extends QuartzJobBean {

	private final ScheduledNight night;

	public NightlyAuditJob(ScheduledNight night) {
		this.night = night;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		night.fire();
	}

}
