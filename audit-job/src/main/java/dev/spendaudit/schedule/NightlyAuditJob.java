package dev.spendaudit.schedule;

import dev.spendaudit.SpendAuditSettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind the {@code schedule} command: one scheduled night. Never two at once.
 */
@DisallowConcurrentExecution
public class NightlyAuditJob extends QuartzJobBean {

	private final NightlyRun nightlyRun;

	private final SpendAuditSettings settings;

	public NightlyAuditJob(NightlyRun nightlyRun, SpendAuditSettings settings) {
		this.nightlyRun = nightlyRun;
		this.settings = settings;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		nightlyRun.runDue(settings.zone(), settings.schedule().catchUpDays(),
				new RunOptions(settings.out(), true, false, null));
	}

}
