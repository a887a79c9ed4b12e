package dev.spendaudit.doctor;

import java.time.Instant;
import java.util.List;

import dev.spendaudit.core.ExitCode;

/**
 * What {@code doctor} found: the settings in force, then one line per check.
 *
 * @param generatedAt when the checks ran
 */
public record Report(Instant generatedAt, List<Setting> settings, List<Check> checks) {

	/**
	 * The exit status of a report with a FAIL (any WARN alone exits 0): the table's {@link ExitCode#FAILED}, the one
	 * place the doctor's non-zero status is chosen. A FAIL line names what failed, so one code serves every check.
	 */
	public static final int EXIT_ON_FAIL = ExitCode.FAILED.code();

	public Report {
		settings = List.copyOf(settings);
		checks = List.copyOf(checks);
	}

	/** The worst status of any check; OK for none. */
	public Status status() {
		return checks.stream().map(Check::status).reduce(Status.OK, Status::worse);
	}

	public int exitCode() {
		return status() == Status.FAIL ? EXIT_ON_FAIL : 0;
	}

	public long count(Status status) {
		return checks.stream().filter(c -> c.status() == status).count();
	}

}
