package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The longest gap of a window put together from its days' spans. */
class RowGapsTests {

	static LocalDateTime at(int day, int hour, int minute) {
		return LocalDateTime.of(2026, 11, day, hour, minute);
	}

	@Test
	void aHoleAcrossAnEmptyDayRunsFromTheLastRowBeforeItToTheFirstAfterIt() {
		DayRowSpan first = new DayRowSpan(at(24, 0, 10), at(24, 7, 40), new RowGap(at(24, 1, 0), at(24, 3, 0)));
		DayRowSpan last = new DayRowSpan(at(26, 18, 0), at(26, 23, 50), new RowGap(at(26, 19, 0), at(26, 20, 0)));
		assertThat(RowGaps.longest(at(23, 23, 55), List.of(first, DayRowSpan.EMPTY, last)))
			.contains(new RowGap(at(24, 7, 40), at(26, 18, 0)));
	}

	@Test
	void theRowBeforeTheWindowStartsTheFirstGap() {
		DayRowSpan only = new DayRowSpan(at(26, 12, 0), at(26, 13, 0), null);
		assertThat(RowGaps.longest(at(25, 1, 0), List.of(only))).contains(new RowGap(at(25, 1, 0), at(26, 12, 0)));
		assertThat(RowGaps.longest(null, List.of(only))).isEmpty();
	}

	@Test
	void aGapInsideADayWinsWhenItIsLonger() {
		DayRowSpan a = new DayRowSpan(at(25, 0, 0), at(25, 23, 0), new RowGap(at(25, 2, 0), at(25, 12, 0)));
		DayRowSpan b = new DayRowSpan(at(26, 0, 0), at(26, 23, 0), new RowGap(at(26, 1, 0), at(26, 2, 0)));
		assertThat(RowGaps.longest(at(24, 23, 0), List.of(a, b))).contains(new RowGap(at(25, 2, 0), at(25, 12, 0)));
	}

	@Test
	void ofEqualGapsTheEarliestIsTheLongest() {
		// three gaps of two hours: inside a, between a and b, inside b
		DayRowSpan a = new DayRowSpan(at(25, 0, 0), at(25, 22, 0), new RowGap(at(25, 2, 0), at(25, 4, 0)));
		DayRowSpan b = new DayRowSpan(at(26, 0, 0), at(26, 23, 0), new RowGap(at(26, 5, 0), at(26, 7, 0)));
		assertThat(RowGaps.longest(at(24, 23, 0), List.of(a, b))).contains(new RowGap(at(25, 2, 0), at(25, 4, 0)));
		assertThat(RowGaps.longest(at(25, 22, 0), List.of(b))).contains(new RowGap(at(25, 22, 0), at(26, 0, 0)));
	}

	@Test
	void noRowsNoGap() {
		assertThat(RowGaps.longest(at(20, 0, 0), List.of(DayRowSpan.EMPTY, DayRowSpan.EMPTY))).isEmpty();
	}

}
