package dev.spendaudit.baseline;

import java.time.LocalDateTime;
import java.util.Optional;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BudgetProjectionTests {

	static final DetectionSettings.Budget SETTINGS = DetectionSettings.defaults().budget();

	static final LocalDateTime NOV_27 = LocalDateTime.of(2026, 11, 27, 0, 0);

	@Test
	void parsesLiteLlmDurations() {
		assertThat(BudgetDuration.parse("30d")).contains(new BudgetDuration(30, "d"));
		assertThat(BudgetDuration.parse("1mo")).contains(new BudgetDuration(1, "mo"));
		assertThat(BudgetDuration.parse("7d").orElseThrow().addTo(NOV_27)).isEqualTo(NOV_27.plusDays(7));
		assertThat(BudgetDuration.parse("2w").orElseThrow().addTo(NOV_27)).isEqualTo(NOV_27.plusDays(14));
		assertThat(BudgetDuration.parse("1mo").orElseThrow().addTo(LocalDateTime.of(2026, 1, 31, 0, 0)))
			.isEqualTo(LocalDateTime.of(2026, 2, 28, 0, 0));
		assertThat(BudgetDuration.parse("monthly")).isEmpty();
		assertThat(BudgetDuration.parse(null)).isEmpty();
		assertThat(BudgetDuration.parse("0d")).isEmpty();
	}

	@Test
	void theNextResetIsTheStoredOneWhenItIsAhead() {
		LocalDateTime dec1 = LocalDateTime.of(2026, 12, 1, 0, 0);
		assertThat(BudgetDuration.nextReset(dec1, BudgetDuration.parse("1mo"), NOV_27)).isEqualTo(dec1);
	}

	@Test
	void aLaggingResetIsSteppedForwardByItsDuration() {
		LocalDateTime nov1 = LocalDateTime.of(2026, 11, 1, 0, 0);
		assertThat(BudgetDuration.nextReset(nov1, BudgetDuration.parse("1mo"), NOV_27))
			.isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
		assertThat(BudgetDuration.nextReset(nov1, BudgetDuration.parse("7d"), NOV_27))
			.isEqualTo(LocalDateTime.of(2026, 11, 29, 0, 0));
		assertThat(BudgetDuration.nextReset(nov1, BudgetDuration.parse("1d"), NOV_27)).isEqualTo(NOV_27.plusDays(1));
		assertThat(BudgetDuration.nextReset(nov1, Optional.empty(), NOV_27)).as("never resets again").isNull();
	}

	@Test
	void anOlderDayFindsTheResetThatFollowedIt() {
		// read on Dec 3, budget_reset_at has moved on to Jan 1; the reset after Nov 21 was Dec 1
		assertThat(BudgetDuration.nextReset(LocalDateTime.of(2027, 1, 1, 0, 0), BudgetDuration.parse("1mo"),
				LocalDateTime.of(2026, 11, 22, 0, 0))).isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
		assertThat(BudgetDuration.nextReset(LocalDateTime.of(2026, 12, 20, 0, 0), BudgetDuration.parse("30d"),
				NOV_27)).isEqualTo(LocalDateTime.of(2026, 12, 20, 0, 0));
	}

	@Test
	void aMonthlyBudgetIsProjectedOnlyToTheResetNotAWholeMonth() {
		LocalDateTime dec1 = LocalDateTime.of(2026, 12, 1, 0, 0);
		BudgetProjection p = BudgetProjection.project(24, 30, 1.0, NOV_27, dec1, SETTINGS);
		assertThat(p.daysLeft()).isEqualTo(4);
		assertThat(p.projectedUsd()).isEqualTo(28);
		assertThat(p.share()).isCloseTo(0.9333, within(1e-4));
		assertThat(p.severity()).isEqualTo(Severity.WATCH);
	}

	@Test
	void crossingTheBudgetBeforeTheResetIsAnAlert() {
		BudgetProjection p = BudgetProjection.project(24, 30, 2.0, NOV_27, NOV_27.plusDays(4), SETTINGS);
		assertThat(p.projectedUsd()).isEqualTo(32);
		assertThat(p.severity()).isEqualTo(Severity.ALERT);
	}

	@Test
	void belowEightyPercentIsQuiet() {
		assertThat(BudgetProjection.project(5, 30, 1.0, NOV_27, NOV_27.plusDays(4), SETTINGS).severity()).isNull();
	}

	@Test
	void aKeyThatNeverResetsIsProjectedThirtyDaysAhead() {
		BudgetProjection p = BudgetProjection.project(10, 50, 1.0, NOV_27, null, SETTINGS);
		assertThat(p.daysLeft()).isEqualTo(30);
		assertThat(p.projectedUsd()).isEqualTo(40);
		assertThat(p.severity()).isEqualTo(Severity.WATCH);
	}

}
