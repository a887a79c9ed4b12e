package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.Workload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spend a budget projection starts from: LiteLLM's counter is read when the job runs, the projection starts
 * at the end of the audited day.
 */
class BudgetCheckTests {

	static final BudgetCheck CHECK = new BudgetCheck(DetectionSettings.defaults().budget());

	static final LocalDateTime DEC_1 = LocalDateTime.of(2026, 12, 1, 0, 0);

	/** $1 a day, every day. */
	static final BudgetCheck.LoggedSpend DOLLAR_A_DAY = (key, from, to) -> java.time.Duration.between(from, to)
		.toHours() / 24.0;

	@Test
	void theNightlyRunSubtractsWhatTheKeySpentThisMorning() {
		// audited Nov 26, counters read Nov 27 06:00: the counter holds $24.25, $0.25 of it from this morning
		LocalDate day = LocalDate.of(2026, 11, 26);
		List<Draft> drafts = CHECK.check(day, day.plusDays(1).atStartOfDay(), day.plusDays(1).atTime(6, 0),
				List.of(new KeyBudget("k", 24.25, 30, "1mo", DEC_1, null)), rows(day), workloads(), DOLLAR_A_DAY);
		DetectionDetails.Budget b = (DetectionDetails.Budget) drafts.get(0).details();
		assertThat(b.spentUsd()).isEqualByComparingTo("24");
		assertThat(b.projectedUsd()).isEqualByComparingTo("28");
		assertThat(drafts.get(0).severity()).isEqualTo(Severity.WATCH);
	}

	@Test
	void aDayAuditedAfterTheResetUsesThatPeriodsLoggedSpend() {
		// audited Nov 21 on Dec 3: the counter ($2) belongs to December; November's spend comes from the log
		LocalDate day = LocalDate.of(2026, 11, 21);
		List<Draft> drafts = CHECK.check(day, day.plusDays(1).atStartOfDay(), LocalDateTime.of(2026, 12, 3, 0, 0),
				List.of(new KeyBudget("k", 2, 30, "1mo", LocalDateTime.of(2027, 1, 1, 0, 0), null)), rows(day),
				workloads(), DOLLAR_A_DAY);
		DetectionDetails.Budget b = (DetectionDetails.Budget) drafts.get(0).details();
		assertThat(b.nextReset()).isEqualTo("2026-12-01T00:00:00.000Z");
		assertThat(b.spentUsd()).as("Nov 1 to the end of Nov 21").isEqualByComparingTo("21");
		assertThat(b.projectedUsd()).as("21 + 9 days at $1").isEqualByComparingTo("30");
		assertThat(drafts.get(0).severity()).isEqualTo(Severity.ALERT);
		assertThat(drafts.get(0).reason()).startsWith("vk-budgeted: $21.00 of its $30.00 budget spent");
	}

	static List<DayRow> rows(LocalDate day) {
		List<DayRow> rows = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			rows.add(new DayRow(day.minusDays(d), "k", "vk-budgeted", Attribution.KEY_ALIAS, "gpt-4.1-mini", "openai",
					BigDecimal.ONE, 10, 1_000, 100));
		}
		return rows;
	}

	static Map<String, Workload> workloads() {
		return Map.of("k", new Workload("vk-budgeted", Attribution.KEY_ALIAS));
	}

}
