package dev.spendaudit.statement;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTests {

	@Test
	void aMonthRunsFromItsFirstToItsLastDay() {
		Period november = Period.month("2026-11");
		assertThat(november.from()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(november.to()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(november.title()).isEqualTo("November 2026");
		assertThat(november.previous().label()).isEqualTo("2026-10");
		assertThat(Period.month("2026-01").previous().label()).isEqualTo("2025-12");
	}

	@Test
	void anIsoWeekRunsMondayToSundayAcrossTheYear() {
		Period w48 = Period.week("2026-W48");
		assertThat(w48.from()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(w48.to()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(w48.previous().label()).isEqualTo("2026-W47");
		// 2026-12-31 is a Thursday: its week is 2026-W53, and 2027-01-01 belongs to it
		assertThat(Period.weekOf(LocalDate.of(2027, 1, 1)).label()).isEqualTo("2026-W53");
		assertThat(Period.week("2027-W01").previous().label()).isEqualTo("2026-W53");
	}

	@Test
	void whatIsNotAPeriodIsRefusedWithTheExpectedShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.month("2026-13"))
			.withMessage("'2026-13' is not a month (expected YYYY-MM, e.g. 2026-11)");
		assertThatIllegalArgumentException().isThrownBy(() -> Period.week("2025-W53"))
			.withMessage("'2025-W53' is not an ISO week (expected YYYY-Www, e.g. 2026-W48)");
		assertThatIllegalArgumentException().isThrownBy(() -> Period.week("2026-48"));
	}

	@Test
	void theMonthBeforeIsDueOnlyOnTheNewestAuditedDay() {
		DueStatements due = new DueStatements(true, false, DayOfWeek.MONDAY);
		assertThat(due.on(LocalDate.of(2026, 12, 1), true)).extracting(Period::label).containsExactly("2026-11");
		assertThat(due.on(LocalDate.of(2026, 12, 1), false)).isEmpty();
	}

	@Test
	void theWeekBeforeIsDueOnOrAfterItsDay() {
		DueStatements due = new DueStatements(false, true, DayOfWeek.WEDNESDAY);
		assertThat(due.on(LocalDate.of(2026, 11, 24), true)).as("a Tuesday").isEmpty();
		assertThat(due.on(LocalDate.of(2026, 11, 25), true)).extracting(Period::label).containsExactly("2026-W47");
		assertThat(due.on(LocalDate.of(2026, 11, 29), true)).extracting(Period::label).containsExactly("2026-W47");
	}

}
