package dev.spendaudit.core;

import java.time.ZoneId;
import java.util.function.Consumer;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shape every per-day step shares: read {@code auditDate} from the job parameters, turn it into the
 * {@link AuditDay} of the configured zone, do the feature's work, and run again on every restart (each step
 * replaces the day's results). The step's name is its bean name.
 */
public final class DaySteps {

	/** The step-context key under which the digest step names the day's JSON document, for the launcher. */
	public static final String DIGEST_JSON = "digestJson";

	/**
	 * The job parameter naming the other days audited in the same catch-up (ISO dates, comma-separated), which the
	 * newest day's digest lists.
	 */
	public static final String MISSED_DAYS = "missedDays";

	/**
	 * The job parameter of {@code run --force} ({@code true}/{@code false}): a day the source no longer holds is
	 * read again (to zeros) instead of keeping the facts stored for it.
	 */
	public static final String FORCE = "force";

	private DaySteps() {
	}

	public static Step dayStep(JobRepository jobRepository, PlatformTransactionManager tx, ZoneId zone,
			Consumer<AuditDay> work) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunk) -> {
			var params = contribution.getStepExecution().getJobParameters();
			work.accept(AuditDay.of(params.getLocalDate("auditDate"), zone));
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

}
