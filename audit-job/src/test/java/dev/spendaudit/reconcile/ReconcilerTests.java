package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dev.spendaudit.core.AuditDay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic and the matching of names, without a database. */
class ReconcilerTests {

	static final ReconcileSettings SETTINGS = new ReconcileSettings(Path.of("inbox"), new BigDecimal("0.95"),
			BigDecimal.ONE, new BigDecimal("0.10"), 7, 20, List.of(), null, null, null, null);

	@Test
	void captureIsLoggedOverBilledAndNothingBilledHasNone() {
		assertThat(Reconciler.capture(new BigDecimal("2.40"), new BigDecimal("6.30"))).isEqualByComparingTo("0.381");
		assertThat(Reconciler.capture(new BigDecimal("7"), new BigDecimal("5"))).isEqualByComparingTo("1.4");
		assertThat(Reconciler.capture(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
		assertThat(Reconciler.perMillion(new BigDecimal("0.10"), 1_200)).isEqualByComparingTo("83.333333");
		assertThat(Reconciler.perMillion(BigDecimal.ONE, 0)).isNull();
	}

	@Test
	void zeroInTheLogIsMispricedAndADriftWithinTheShareIsNot() {
		Reconciler r = new Reconciler(null, null, null, null, SETTINGS);
		assertThat(r.mispriced(BigDecimal.ZERO, new BigDecimal("0.001"))).isTrue();
		assertThat(r.mispriced(new BigDecimal("0.105"), new BigDecimal("0.10"))).isFalse();
		assertThat(r.mispriced(new BigDecimal("0.111"), new BigDecimal("0.10"))).isTrue();
		assertThat(r.mispriced(new BigDecimal("0.08"), new BigDecimal("0.10"))).isTrue();
		assertThat(r.mispriced(BigDecimal.ZERO, BigDecimal.ZERO)).isFalse();
	}

	@Test
	void billAndLogNamesMatchWithoutPrefixSnapshotOrLineItem() {
		assertThat(ModelNames.key("openrouter/openai/gpt-4.1-mini")).isEqualTo("gpt-4.1-mini");
		assertThat(ModelNames.key("gpt-4.1-mini-2025-04-14, input")).isEqualTo("gpt-4.1-mini");
		assertThat(ModelNames.key("claude-sonnet-4-20250514")).isEqualTo("claude-sonnet-4");
		assertThat(ModelNames.key("GPT-4.1")).isNotEqualTo(ModelNames.key("gpt-4.1-mini"));
	}

	@Test
	void theWindowEndsWithTheLastUtcDayThatEndedByTheAuditedDaysEnd() {
		LocalDate day = LocalDate.of(2026, 11, 26);
		assertThat(Reconciliation.window(AuditDay.of(day, java.time.ZoneOffset.UTC), 7))
			.containsExactly(LocalDate.of(2026, 11, 20), day);
		assertThat(Reconciliation.window(AuditDay.of(day, java.time.ZoneId.of("Asia/Tokyo")), 2))
			.containsExactly(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));
		assertThat(AuditDay.of(day, java.time.ZoneId.of("Asia/Tokyo")).toUtc())
			.isEqualTo(LocalDateTime.of(2026, 11, 26, 15, 0));
	}

}
