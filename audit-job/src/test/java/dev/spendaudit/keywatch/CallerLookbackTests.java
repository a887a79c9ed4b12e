package dev.spendaudit.keywatch;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The unread days of a look-back are read in runs of consecutive days, never the kept days between them. */
class CallerLookbackTests {

	@Test
	void daysFallIntoRunsOfConsecutiveDays() {
		LocalDate d = LocalDate.of(2026, 11, 20);
		assertThat(CallerLookback.runs(List.of(d, d.plusDays(1), d.plusDays(6))))
			.containsExactly(List.of(d, d.plusDays(1)), List.of(d.plusDays(6)));
		assertThat(CallerLookback.runs(List.of())).isEmpty();
	}

}
