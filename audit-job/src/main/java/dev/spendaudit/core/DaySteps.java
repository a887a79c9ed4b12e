package dev.spendaudit.core;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.JobParameters;
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

	/**
	 * The job parameter naming every day of the run this day belongs to (ISO dates, comma-separated, oldest first):
	 * a range, a catch-up or the one day. The steps that look back over the store (the archive, housekeeping) do
	 * their work once, on the run's last day, for all of its days: a 30-day backfill writes the archive once, not
	 * thirty times. Absent (a run launched before it existed, restarted) means the day alone.
	 */
	public static final String RUN_DAYS = "runDays";

	private DaySteps() {
	}

	/** Dates as a job parameter carries them ({@code 2026-11-27,2026-11-28}); none when absent or blank. */
	public static List<LocalDate> dates(String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return List.of();
		}
		return Arrays.stream(parameter.split(",")).map(String::strip).map(LocalDate::parse).toList();
	}

	/** Dates as one job parameter ({@code 2026-11-27,2026-11-28}). */
	public static String parameter(List<LocalDate> dates) {
		return dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
	}

	/**
	 * The days of the run whose last day this is ({@link #RUN_DAYS}); empty when this day is not its run's last,
	 * so a look-back step skips it and leaves the work to that day.
	 */
	public static List<LocalDate> runDaysEndingWith(JobParameters params) {
		LocalDate date = params.getLocalDate("auditDate");
		List<LocalDate> days = dates(params.getString(RUN_DAYS));
		if (days.isEmpty()) {
			return List.of(date);
		}
		return days.get(days.size() - 1).equals(date) ? days : List.of();
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
