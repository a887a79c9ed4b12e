package dev.spendaudit.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.ExitCode;
import dev.spendaudit.store.StoreFailures;
import dev.spendaudit.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import static dev.spendaudit.core.DaySteps.DIGEST_JSON;
import static dev.spendaudit.core.DaySteps.FORCE;
import static dev.spendaudit.core.DaySteps.MISSED_DAYS;
import static dev.spendaudit.core.DaySteps.RUN_DAYS;

/**
 * Runs the audit for one day at a time. Each day is its own Spring Batch job instance, identified by
 * {@code auditDate} and a rerun ordinal: a failed or crashed run of the day is restarted, a completed one is
 * followed by a fresh instance (the steps replace the day's results, so reruns never duplicate them). A
 * PostgreSQL advisory lock keeps two processes off the same day.
 */
public class AuditLauncher {

	private static final Logger log = LoggerFactory.getLogger(AuditLauncher.class);

	private final JobOperator operator;

	private final JobRepository repository;

	private final Job job;

	private final DayLocks locks;

	/** The parameters of the day this process is auditing right now, so a stop reaches its execution alone. */
	private volatile JobParameters running;

	private volatile boolean stopping;

	/** The gateways whose part of a completed day is missing: such a day ends with the source-unusable code. */
	private final Function<LocalDate, Map<String, String>> missingSources;

	public AuditLauncher(JobOperator operator, JobRepository repository, Job job, DayLocks locks) {
		this(operator, repository, job, locks, date -> Map.of());
	}

	public AuditLauncher(JobOperator operator, JobRepository repository, Job job, DayLocks locks,
			Function<LocalDate, Map<String, String>> missingSources) {
		this.operator = operator;
		this.repository = repository;
		this.job = job;
		this.locks = locks;
		this.missingSources = missingSources;
	}

	public DayResult run(LocalDate date, RunOptions options) {
		try (DayLocks.Lock lock = locks.lock(date)) {
			JobExecution execution = launch(date, options);
			return result(date, execution);
		}
		finally {
			running = null;
		}
	}

	/**
	 * Whether the day's latest run did not complete: it failed, was stopped, or is left running by a crashed
	 * process. The next run of the day restarts that instance.
	 */
	public boolean leftUnfinished(LocalDate date) {
		JobExecution latest = null;
		for (long rerun = 0;; rerun++) {
			JobInstance instance = repository.getJobInstance(job.getName(), parameters(date, rerun, null));
			if (instance == null) {
				return latest != null && latest.getStatus() != BatchStatus.COMPLETED;
			}
			JobExecution last = repository.getLastJobExecution(instance);
			if (last == null) {
				return false;
			}
			latest = last;
		}
	}

	/**
	 * Asks this process's running day to stop at its next step boundary (a signal is ending the process): it ends
	 * STOPPED, and the next run of the day restarts it. No further day is started.
	 */
	public void stop() {
		stopping = true;
		JobParameters params = running;
		if (params == null) {
			return;
		}
		JobExecution execution = repository.getLastJobExecution(job.getName(), params);
		if (execution != null && execution.getStatus().isRunning()) {
			try {
				operator.stop(execution);
				log.warn("{}: stopping run {} at its next step; the next start restarts it",
						params.getLocalDate("auditDate"), execution.getId());
			}
			catch (Exception ex) {
				log.warn("cannot stop run {}: {}", execution.getId(), oneLine(ex));
			}
		}
	}

	/** Whether {@link #stop()} was called: no further day is started. */
	public boolean stopping() {
		return stopping;
	}

	private JobExecution launch(LocalDate date, RunOptions options) {
		for (long rerun = 0;; rerun++) {
			JobParameters params = parameters(date, rerun, options);
			JobInstance instance = repository.getJobInstance(job.getName(), params);
			if (instance == null) {
				return start(params);
			}
			JobExecution last = repository.getLastJobExecution(instance);
			if (last == null) {
				return start(params);
			}
			if (last.getStatus().isRunning()) {
				// we hold the day's lock, so nobody runs it: the process that did crashed
				log.warn("{}: run {} was left {} by a crashed process; restarting it", date, last.getId(),
						last.getStatus());
				operator.recover(last);
				return start(params);
			}
			if (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED) {
				log.info("{}: restarting failed run {}", date, last.getId());
				return start(params);
			}
		}
	}

	private JobExecution start(JobParameters params) {
		running = params;
		try {
			return operator.start(job, params);
		}
		catch (Exception ex) {
			if (StoreFailures.isStoreFailure(ex)) {
				// Spring Batch keeps its records in the store: a store that refuses them is the store's failure
				throw new StoreUnavailableException("cannot record the run in the store: " + oneLine(ex), ex);
			}
			throw new IllegalStateException("cannot launch the audit: " + ex.getMessage(), ex);
		}
	}

	/** The day's parameters; the identifying ones alone when {@code options} is null (to look an instance up). */
	static JobParameters parameters(LocalDate date, long rerun, RunOptions options) {
		JobParametersBuilder builder = new JobParametersBuilder().addLocalDate("auditDate", date).addLong("rerun", rerun);
		if (options == null) {
			return builder.toJobParameters();
		}
		builder.addString("outDir", options.outDir().toString(), false)
			.addString("send", String.valueOf(options.send()), false)
			.addString("resend", String.valueOf(options.resend()), false)
			.addString("rerunCommand", options.commandPrefix() + " run --date " + date, false)
			.addString(FORCE, String.valueOf(options.force()), false);
		if (!options.runDays().isEmpty()) {
			// the archive and housekeeping run once, on the run's last day, for all of its days
			builder.addString(RUN_DAYS, DaySteps.parameter(options.runDays()), false);
		}
		if (!options.missedDays().isEmpty()) {
			// the digest step lists these days (read back from the store) in the day's digest
			builder.addString(MISSED_DAYS, DaySteps.parameter(options.missedDays()), false);
		}
		return builder.toJobParameters();
	}

	private DayResult result(LocalDate date, JobExecution execution) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			Map<String, String> missing = missingSources.apply(date);
			if (!missing.isEmpty()) {
				// everything the reachable gateways allowed is written (and mailed): the day is partial, not lost
				return new DayResult(date, execution.getId(), digestJson(execution), "gateway "
						+ String.join(", ", missing.keySet()) + " could not be read, so the day is audited without it ("
						+ missing.values().iterator().next() + "); the next run, or run --date " + date
						+ ", reads it again", ExitCode.SOURCE);
			}
			return new DayResult(date, execution.getId(), digestJson(execution), null);
		}
		if (execution.getStatus() == BatchStatus.STOPPED) {
			return new DayResult(date, execution.getId(), null, "stopped before it finished; the next run restarts it");
		}
		Throwable first = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
		if (first == null) {
			return new DayResult(date, execution.getId(), null, execution.getExitStatus().getExitDescription(),
					ExitCode.FAILED);
		}
		ExitCode code = ExitCode.of(first);
		String cause = oneLine(first);
		if (code == ExitCode.FAILED && StoreFailures.isStoreFailure(first)) {
			code = ExitCode.STORE;
			cause = "the job's store failed: " + cause;
		}
		if (code == ExitCode.SOURCE || code == ExitCode.STORE) {
			// a database that fails mid-run can fail any step: say which, so the line alone tells what was cut short
			cause = cause + failedStep(execution).map(step -> " (in step " + step + ")").orElse("");
		}
		return new DayResult(date, execution.getId(), null, cause, code);
	}

	private static Optional<String> failedStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter(step -> step.getStatus() == BatchStatus.FAILED)
			.map(StepExecution::getStepName)
			.findFirst();
	}

	/** Where the digest step wrote the day's JSON (it says so in its step context: the launcher knows no files). */
	private static Path digestJson(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.map(StepExecution::getExecutionContext)
			.filter(context -> context.containsKey(DIGEST_JSON))
			.map(context -> Path.of(context.getString(DIGEST_JSON)))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The failure in one line: a coded failure's own message (it names the file, server or setting, as the
	 * command line's errors do), else the deepest cause's.
	 */
	static String oneLine(Throwable ex) {
		Throwable root = ex;
		while (!(root instanceof ExitCode.Coded) && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.lines().findFirst().orElse(message);
	}

}
