package dev.spendaudit.progress;

import java.io.PrintStream;
import java.time.Duration;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on the terminal's standard error (standard output keeps the days' lines): how many of the
 * steps are done, what is being done now, the time elapsed and the time left. One bar at a time: a phase inside a
 * step (the history a first night rolls up) closes the outer bar, shows its own, and the outer one resumes.
 */
public final class DayBar implements AutoCloseable {

	private final ProgressBar bar;

	private DayBar(ProgressBar bar) {
		this.bar = bar;
	}

	/** A bar of {@code total} steps named {@code task}, {@code done} of them done {@code elapsed} ago. */
	public static DayBar start(String task, int total, int done, Duration elapsed, boolean clearWhenDone,
			PrintStream terminal) {
		ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(total)
			.setUpdateIntervalMillis(500)
			.setConsumer(new ConsoleProgressBarConsumer(terminal))
			.startsFrom(done, elapsed);
		if (clearWhenDone) {
			builder.clearDisplayOnFinish();
		}
		return new DayBar(builder.build());
	}

	/** Step {@code number} (1-based) is under way: {@code what} is said beside the bar. */
	public void at(int number, String what) {
		bar.stepTo(number - 1);
		bar.setExtraMessage(what);
	}

	/** {@code done} steps are done. */
	public void done(int done) {
		bar.stepTo(done);
	}

	/** Time since the bar started, including what it started from. */
	public Duration elapsed() {
		return bar.getTotalElapsed();
	}

	@Override
	public void close() {
		bar.close();
	}

}
