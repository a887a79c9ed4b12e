package dev.spendaudit.schedule;

import dev.spendaudit.core.CoreSettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind the {@code schedule} command: one scheduled night. Never two at once.
 */
@DisallowConcurrentExecution
public class NightlyAuditJob extends QuartzJobBean {

	private final NightlyRun nightlyRun;

	private final CoreSettings core;

	private final ScheduleSettings schedule;

	public NightlyAuditJob(NightlyRun nightlyRun, CoreSettings core, ScheduleSettings schedule) {
		this.nightlyRun = nightlyRun;
		this.core = core;
		this.schedule = schedule;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		nightlyRun.runDue(core.zone(), schedule.catchUpDays(), new RunOptions(core.out(), true, false, null));
	}

}
