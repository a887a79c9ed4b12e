package dev.spendaudit.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.subscriptions.Subscription;
import dev.spendaudit.subscriptions.SubscriptionPlans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementBuilderTests {

	static final Period NOVEMBER = Period.month("2026-11");

	final StatementBuilder builder = new StatementBuilder(new SubscriptionPlans(List.of(new Subscription("Plan",
			new BigDecimal("30"), "monthly", List.of("glm-*"), null, null, false, null))));

	@Test
	void sharesChangesAndTheTopThreeMovers() {
		List<KeyModelRow> now = new ArrayList<>();
		List<KeyModelRow> before = new ArrayList<>();
		now.add(row(NOVEMBER.from(), "a", "m1", "10"));
		now.add(row(NOVEMBER.from(), "b", "m1", "30"));
		now.add(row(NOVEMBER.from(), "c", "m2", "5"));
		now.add(row(NOVEMBER.from(), "d", "m2", "5"));
		before.add(row(LocalDate.of(2026, 10, 3), "a", "m1", "12"));
		before.add(row(LocalDate.of(2026, 10, 3), "b", "m1", "10"));
		before.add(row(LocalDate.of(2026, 10, 3), "gone", "m1", "8"));
		before.add(row(LocalDate.of(2026, 10, 3), "d", "m2", "5"));
		Statement s = builder.build(stored(NOVEMBER, now), stored(NOVEMBER.previous(), before), List.of(), List.of(), "UTC",
				"2026-12-01T06:15:00Z");
		assertThat(s.meteredUsd()).isEqualByComparingTo("50");
		assertThat(s.subscriptionsUsd()).isEqualByComparingTo("30");
		assertThat(s.totalUsd()).isEqualByComparingTo("80");
		assertThat(s.workloads()).extracting(Statement.WorkloadLine::workload).containsExactly("b", "a", "d", "c", "gone");
		assertThat(s.workloads().get(0).share()).isEqualByComparingTo("0.6");
		assertThat(s.movers()).extracting(Statement.Mover::workload).containsExactly("b", "gone", "c");
		assertThat(s.movers().get(1).changeUsd()).isEqualByComparingTo("-8");
		assertThat(s.note()).isNull();
	}

	@Test
	void aPlanIsPricedPerMillionTokensAgainstTheMeteredModels() {
		List<KeyModelRow> now = List.of(row(NOVEMBER.from(), "coder", "glm-4.6", "0", 1_500_000),
				row(NOVEMBER.from(), "a", "gpt", "3", 1_000_000));
		Statement s = builder.build(stored(NOVEMBER, now), stored(NOVEMBER.previous(), List.of()), List.of(), List.of(), "UTC",
				"2026-12-01T06:15:00Z");
		assertThat(s.plans()).singleElement().satisfies(p -> {
			assertThat(p.tokens()).isEqualTo(1_500_000);
			assertThat(p.usdPerMillionTokens()).isEqualByComparingTo("20");
		});
		assertThat(s.meteredModels()).singleElement().satisfies(m -> {
			assertThat(m.model()).isEqualTo("gpt");
			assertThat(m.usdPerMillionTokens()).isEqualByComparingTo("3");
		});
	}

	@Test
	void daysNotInTheStoreAreNamed() {
		Set<LocalDate> days = new HashSet<>();
		for (LocalDate d = NOVEMBER.from(); !d.isAfter(NOVEMBER.to()); d = d.plusDays(1)) {
			days.add(d);
		}
		days.remove(LocalDate.of(2026, 11, 2));
		days.remove(LocalDate.of(2026, 11, 3));
		days.remove(LocalDate.of(2026, 11, 9));
		Statement s = builder.build(new StatementBuilder.Stored(NOVEMBER, List.of(), days),
				stored(NOVEMBER.previous(), List.of()), List.of(), List.of(), "UTC", "2026-12-01T06:15:00Z");
		assertThat(s.days().stored()).isEqualTo(27);
		assertThat(s.note()).startsWith("3 of the 30 days of 2026-11 are not in the store (2026-11-02 .. 2026-11-03,"
				+ " 2026-11-09): its figures leave them out");
	}

	private static StatementBuilder.Stored stored(Period period, List<KeyModelRow> rows) {
		Set<LocalDate> days = new HashSet<>();
		for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
			days.add(d);
		}
		return new StatementBuilder.Stored(period, rows, days);
	}

	private static KeyModelRow row(LocalDate date, String workload, String model, String usd) {
		return row(date, workload, model, usd, 1000);
	}

	private static KeyModelRow row(LocalDate date, String workload, String model, String usd, long tokens) {
		return new KeyModelRow(date, "default", "hash-" + workload, workload, Attribution.KEY_ALIAS, model, "p",
				new BigDecimal(usd), 1, 0, 0, tokens, 0, 0, null, 0, 0, 0);
	}

}
