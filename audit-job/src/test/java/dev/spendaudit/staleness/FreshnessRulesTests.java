package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.core.Severity;
import dev.spendaudit.source.KeyCounter;
import dev.spendaudit.source.RowGap;
import dev.spendaudit.staleness.HourRange.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freshness rules without a database: silent hours, counter comparisons, the canary and the classification.
 */
class FreshnessRulesTests {

	static final LocalDateTime END = LocalDateTime.of(2026, 11, 27, 0, 0);

	static final FreshnessSettings DEFAULTS = FreshnessSettings.defaults();

	@Test
	void silentHoursAreMergedIntoRangesAndNeverInTheFuture() {
		LocalDateTime day = END.minusDays(1);
		Set<LocalDateTime> withRows = Set.of(day.plusHours(0), day.plusHours(3), day.plusHours(4));
		List<HourRange> silent = HourRange.silent(List.of(new Interval(day, END)), withRows, day.plusHours(8));
		assertThat(silent).containsExactly(new HourRange(day.plusHours(1), day.plusHours(3)),
				new HourRange(day.plusHours(5), day.plusHours(8)));
	}

	@Test
	void partialHoursAtTheEdgesOfAnIntervalAreNotNamed() {
		List<HourRange> silent = HourRange.silent(List.of(new Interval(END.minusMinutes(150), END.minusMinutes(10))),
				Set.of(), END);
		assertThat(silent).containsExactly(new HourRange(END.minusHours(2), END.minusHours(1)));
	}

	@Test
	void lifetimeTotalSpendIsComparedWhenBothSnapshotsHaveIt() {
		var result = CounterComparison.compare(Map.of("k", new KeyCounter("k", 5, 100.0, null)), END.minusDays(1),
				Map.of("k", new KeyCounter("k", 0.5, 102.0, END.plusDays(1))), END, Map.of("k", new BigDecimal("1.5")),
				(key, from) -> BigDecimal.ZERO);
		assertThat(result.gaps()).singleElement()
			.satisfies(g -> assertThat(g.uncapturedUsd()).isEqualByComparingTo("0.5"));
	}

	@Test
	void counterThatWentDownWithoutABudgetResetIsSkipped() {
		var result = CounterComparison.compare(Map.of("k", new KeyCounter("k", 5, null, null)), END.minusDays(1),
				Map.of("k", new KeyCounter("k", 1, null, null)), END, Map.of(), (key, from) -> BigDecimal.ZERO);
		assertThat(result.gaps()).isEmpty();
		assertThat(result.skipped()).containsExactly("k");
	}

	@Test
	void newKeyIsComparedFromZeroAndMatchingCountersAreFine() {
		var result = CounterComparison.compare(Map.of("old", new KeyCounter("old", 1, null, null)), END.minusDays(1),
				Map.of("old", new KeyCounter("old", 1.25, null, null), "new", new KeyCounter("new", 0.75, null, null)),
				END, Map.of("old", new BigDecimal("0.25"), "new", new BigDecimal("0.25")), (key, from) -> BigDecimal.ZERO);
		assertThat(result.gaps()).singleElement().satisfies(g -> {
			assertThat(g.apiKey()).isEqualTo("new");
			assertThat(g.uncapturedUsd()).isEqualByComparingTo("0.5");
		});
	}

	@Test
	void canaryTakesTheLongestSilenceReachingIntoTheDay() {
		LocalDateTime dayStart = END.minusDays(1);
		List<LocalDateTime> beats = List.of(dayStart.minusHours(5), dayStart.plusHours(1), dayStart.plusHours(2),
				END.minusHours(3));
		CanaryCheck check = CanaryCheck.of("c", beats, END.minusHours(72), dayStart, END, Duration.ofMinutes(90));
		assertThat(check.silent()).isTrue();
		assertThat(check.silentFrom()).isEqualTo(dayStart.plusHours(2));
		assertThat(check.silentTo()).isEqualTo(END.minusHours(3));
		assertThat(check.lastSeen()).isEqualTo(END.minusHours(3));
	}

	@Test
	void canaryWithNoRowIsSilentForTheWholeWindow() {
		CanaryCheck check = CanaryCheck.of("c", List.of(), END.minusHours(72), END.minusDays(1), END,
				Duration.ofMinutes(90));
		assertThat(check.silent()).isTrue();
		assertThat(check.longestSilence()).isEqualTo(Duration.ofHours(72));
	}

	@Test
	void shortSilenceIsOk() {
		var verdict = classify(END.minusHours(2), gap(3), Signal.NONE, null);
		assertThat(verdict.status()).isEqualTo(FreshnessStatus.OK);
		assertThat(verdict.explanation()).contains("Newest spend-log row 2 h before the end of the day")
			.contains("longest gap between rows in the last 3 d: 3 h (2026-11-26 14:00 – 17:00 UTC)");
	}

	@Test
	void staleGrowsFromWatchToAlertWithItsAge() {
		assertThat(classify(END.minusHours(30), null, Signal.NONE, null).severity()).isEqualTo(Severity.WATCH);
		assertThat(classify(END.minusHours(36), null, Signal.NONE, null).severity()).isEqualTo(Severity.ALERT);
	}

	@Test
	void silentCanaryMakesStaleAnAlertEarly() {
		CanaryCheck canary = new CanaryCheck("audit-canary", true, END.minusHours(27), END.minusHours(27), END, true);
		var verdict = classify(END.minusHours(27), null, Signal.CANARY, canary);
		assertThat(verdict.status()).isEqualTo(FreshnessStatus.STALE);
		assertThat(verdict.severity()).isEqualTo(Severity.ALERT);
		assertThat(verdict.explanation()).contains("The canary key audit-canary was silent too");
	}

	@Test
	void emptyLogWithAgreeingAggregatesIsIdle() {
		var verdict = classify(null, null, Signal.DAILY_AGGREGATES, null);
		assertThat(verdict.status()).isEqualTo(FreshnessStatus.IDLE);
		assertThat(verdict.explanation()).startsWith("No spend-log rows at all, and");
	}

	@Test
	void silenceTheCountersAgreeWithIsIdleAndSaysWhichInterval() {
		var verdict = FreshnessClassifier.classify(new FreshnessClassifier.Observations(END.minusHours(72), END,
				END.minusHours(30), null, Signal.KEY_COUNTERS, "between 2026-11-26 06:00 – 2026-11-27 06:00 UTC",
				List.of(), List.of(), null, ZoneOffset.UTC), DEFAULTS);
		assertThat(verdict.status()).isEqualTo(FreshnessStatus.IDLE);
		assertThat(verdict.explanation()).contains("No spend-log rows for 30 h (since 2026-11-25 18:00 UTC)")
			.contains("spend counters did not grow more than the log between 2026-11-26 06:00");
	}

	@Test
	void timesAreInTheAuditZoneWithTheZoneNamed() {
		var verdict = FreshnessClassifier.classify(new FreshnessClassifier.Observations(END.minusHours(72), END,
				END.minusHours(30), gap(3), Signal.NONE, null, List.of(), List.of(), null,
				java.time.ZoneId.of("Europe/Berlin")), DEFAULTS);
		assertThat(verdict.explanation()).contains("No spend-log rows for 30 h (since 2026-11-25 19:00 Europe/Berlin)")
			.doesNotContain("UTC");
	}

	static FreshnessClassifier.Verdict classify(LocalDateTime newest, RowGap gap, Signal signal, CanaryCheck canary) {
		return FreshnessClassifier.classify(new FreshnessClassifier.Observations(END.minusHours(72), END, newest, gap,
				signal, null, List.of(), List.of(), canary, ZoneOffset.UTC), DEFAULTS);
	}

	static RowGap gap(int hours) {
		return new RowGap(END.minusHours(10), END.minusHours(10 - hours));
	}

}
