package dev.spendaudit.progress;

/**
 * How a command shows the progress of its days: decided once, from whether its output is a terminal and from
 * {@code --quiet}.
 */
public enum ProgressMode {

	/** A terminal: a progress bar (day N of M, the day, elapsed and time left); the day's lines after it. */
	BAR,
	/** Not a terminal (the systemd journal, cron mail): plain lines, one per day, and the job's log lines. */
	LINES,
	/** {@code --quiet}: errors and the final summary only. */
	QUIET;

	/** The mode for output that {@code terminal} or not, with {@code --quiet} or not. */
	public static ProgressMode of(boolean terminal, boolean quiet) {
		if (quiet) {
			return QUIET;
		}
		return terminal ? BAR : LINES;
	}

	/** The mode for this process: a terminal when it has a console (standard input and output not redirected). */
	public static ProgressMode detect(boolean quiet) {
		return of(System.console() != null, quiet);
	}

	/** Whether the job's own informational log lines are printed (not over a bar, not when quiet). */
	public boolean logsInfo() {
		return this == LINES;
	}

	/** Whether each day's summary line and findings are printed as the day ends. */
	public boolean printsEachDay() {
		return this == LINES;
	}

}
