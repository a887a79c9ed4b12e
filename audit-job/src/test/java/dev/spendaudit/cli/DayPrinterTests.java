package dev.spendaudit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import dev.spendaudit.progress.ProgressMode;
import dev.spendaudit.schedule.DayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each progress mode prints while two days are audited: lines as the days end, lines after the bar, or the
 * final summary alone.
 */
class DayPrinterTests {

	@TempDir
	Path dir;

	@Test
	void notATerminalPrintsEachDaysLineAsTheDayEnds() throws IOException {
		Run run = new Run(ProgressMode.LINES);
		run.printer.starting(day(27), 1, 2);
		run.printer.finished(done(27), 1, 2);
		assertThat(run.out()).startsWith("2026-11-27  $1.50 metered").contains("[WATCH] SPIKE · vk-a");
		run.printer.starting(day(28), 2, 2);
		run.printer.finished(done(28), 2, 2);
		run.printer.end();
		assertThat(run.lines("2026-11-2")).containsExactly("2026-11-27", "2026-11-28");
		assertThat(run.terminal.toString()).as("no bar").isEmpty();
	}

	@Test
	void aTerminalDrawsTheBarAndPrintsTheDaysAfterIt() throws IOException {
		Run run = new Run(ProgressMode.BAR);
		run.printer.starting(day(27), 1, 2);
		run.printer.step("history of 2026-11-27", 0, 2, "rolling up 2026-10-23");
		run.printer.step("history of 2026-11-27", 1, 2, "rolling up 2026-10-24");
		run.printer.step("history of 2026-11-27", 2, 2, null);
		run.printer.finished(done(27), 1, 2);
		run.printer.starting(day(28), 2, 2);
		run.printer.finished(done(28), 2, 2);
		assertThat(run.out()).as("nothing under the bar").isEmpty();
		run.printer.end();
		assertThat(run.lines("2026-11-2")).containsExactly("2026-11-27", "2026-11-28");
		assertThat(run.terminal.toString()).as("the bar went to the terminal").isNotEmpty();
	}

	@Test
	void quietPrintsTheFinalSummaryOnly() throws IOException {
		Run run = new Run(ProgressMode.QUIET);
		run.printer.starting(day(27), 1, 2);
		run.printer.finished(done(27), 1, 2);
		run.printer.starting(day(28), 2, 2);
		run.printer.finished(done(28), 2, 2);
		assertThat(run.out()).isEmpty();
		run.printer.end();
		assertThat(run.out().lines()).hasSize(2);
		assertThat(run.out()).startsWith("2026-11-28  $1.50 metered").contains("audited 2 days").doesNotContain("[WATCH]");
		assertThat(run.terminal.toString()).isEmpty();
	}

	private DayResult done(int november) throws IOException {
		Path json = dir.resolve("digest-" + day(november) + ".json");
		Files.writeString(json, """
				{ "date": "%s", "metered": { "usd": 1.5, "requests": 3, "failedRequests": 0 }, "workloads": [ {} ],
				  "findings": [ { "kind": "SPIKE", "severity": "WATCH", "subject": "vk-a", "reason": "more", "actualUsd": 1.5 } ] }
				""".formatted(day(november)));
		return new DayResult(day(november), november, json, null);
	}

	private static LocalDate day(int november) {
		return LocalDate.of(2026, 11, november);
	}

	private static final class Run {

		final StringWriter stdout = new StringWriter();

		final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

		final DayPrinter printer;

		Run(ProgressMode mode) {
			printer = new DayPrinter(mode, new PrintWriter(stdout, true), new PrintStream(terminal, true), 5);
		}

		String out() {
			return stdout.toString();
		}

		java.util.List<String> lines(String prefix) {
			return out().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(0, 10)).toList();
		}

	}

}
