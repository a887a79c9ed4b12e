package dev.spendaudit.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.Progress;
import dev.spendaudit.progress.DayBar;
import dev.spendaudit.progress.ProgressMode;
import dev.spendaudit.schedule.DayListener;
import dev.spendaudit.schedule.DayResult;

/**
 * What the terminal shows while days are audited, by {@link ProgressMode}: a bar (day N of M, the day, elapsed
 * and time left, and the history a first night rolls up) and the days' lines after it; one summary line and the
 * findings per day as it ends; or, quietly, only the final summary. Errors are printed in every mode.
 */
final class DayPrinter implements DayListener, Progress.Listener {

	private final ProgressMode mode;

	private final PrintWriter stdout;

	private final PrintStream terminal;

	private final int maxFindingsPerKind;

	private final List<Path> audited = new ArrayList<>();

	private DayBar bar;

	private int number;

	private int total;

	private LocalDate day;

	private Duration daysElapsed = Duration.ZERO;

	DayPrinter(ProgressMode mode, PrintWriter stdout, PrintStream terminal, int maxFindingsPerKind) {
		this.mode = mode;
		this.stdout = stdout;
		this.terminal = terminal;
		this.maxFindingsPerKind = maxFindingsPerKind;
	}

	@Override
	public synchronized void starting(LocalDate day, int number, int total) {
		this.day = day;
		this.number = number;
		this.total = total;
		if (mode == ProgressMode.BAR) {
			if (bar == null) {
				bar = DayBar.start("spend-audit", total, number - 1, daysElapsed, true, terminal);
			}
			bar.at(number, "auditing " + day + " (day " + number + " of " + total + ")");
		}
	}

	@Override
	public synchronized void finished(DayResult result, int number, int total) {
		if (bar != null) {
			bar.done(number);
		}
		if (result.digestJson() == null) {
			return;
		}
		audited.add(result.digestJson());
		if (mode.printsEachDay()) {
			print(result.digestJson());
		}
	}

	/** The history step's progress: its own bar while it lasts, then the days' bar again. */
	@Override
	public synchronized void step(String task, int done, int steps, String current) {
		if (mode != ProgressMode.BAR) {
			return;
		}
		if (done == 0 && current != null) {
			if (bar != null) {
				daysElapsed = bar.elapsed();
				bar.close();
			}
			bar = DayBar.start(task, steps, 0, Duration.ZERO, true, terminal);
		}
		if (bar == null) {
			return;
		}
		if (current != null) {
			bar.at(done + 1, current);
			return;
		}
		bar.done(done);
		bar.close();
		bar = DayBar.start("spend-audit", total, number - 1, daysElapsed, true, terminal);
		bar.at(number, "auditing " + day + " (day " + number + " of " + total + ")");
	}

	/**
	 * The run is over: closes the bar, then prints what the mode kept back (every day's lines after a bar; the
	 * final summary when quiet).
	 */
	synchronized void end() {
		if (bar != null) {
			bar.close();
			bar = null;
		}
		if (mode == ProgressMode.BAR) {
			audited.forEach(this::print);
		}
		else if (mode == ProgressMode.QUIET && !audited.isEmpty()) {
			stdout.println(DaySummary.line(audited.get(audited.size() - 1)));
			if (audited.size() > 1) {
				stdout.println("audited " + audited.size() + " days, the newest last; every day's files are in "
						+ audited.get(0).toAbsolutePath().getParent());
			}
			stdout.flush();
		}
	}

	private void print(Path json) {
		stdout.println(DaySummary.line(json));
		DaySummary.printFindings(json, maxFindingsPerKind, stdout);
		stdout.flush();
	}

}
