package dev.spendaudit.progress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a command shows while it audits days, decided from whether its output is a terminal and from --quiet.
 */
class ProgressModeTests {

	@Test
	void aTerminalGetsABarAndNoLogLines() {
		ProgressMode mode = ProgressMode.of(true, false);
		assertThat(mode).isEqualTo(ProgressMode.BAR);
		assertThat(mode.logsInfo()).isFalse();
		assertThat(mode.printsEachDay()).as("the days' lines come after the bar").isFalse();
	}

	@Test
	void anythingElseGetsPlainLinesOnePerDayAsBefore() {
		ProgressMode mode = ProgressMode.of(false, false);
		assertThat(mode).isEqualTo(ProgressMode.LINES);
		assertThat(mode.logsInfo()).isTrue();
		assertThat(mode.printsEachDay()).isTrue();
	}

	@Test
	void quietWinsOnATerminalOrNot() {
		assertThat(ProgressMode.of(true, true)).isEqualTo(ProgressMode.QUIET);
		assertThat(ProgressMode.of(false, true)).isEqualTo(ProgressMode.QUIET);
		assertThat(ProgressMode.QUIET.logsInfo()).isFalse();
		assertThat(ProgressMode.QUIET.printsEachDay()).isFalse();
	}

	@Test
	void theBarCountsDaysAndNamesTheOneUnderWay() {
		var bytes = new java.io.ByteArrayOutputStream();
		try (DayBar bar = DayBar.start("spend-audit", 3, 0, java.time.Duration.ZERO, false,
				new java.io.PrintStream(bytes, true))) {
			bar.at(2, "auditing 2026-11-28 (day 2 of 3)");
			bar.done(2);
		}
		assertThat(bytes.toString()).contains("2/3").contains("auditing 2026-11-28 (day 2 of 3)");
	}

}
