package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fees by calendar day, model globs and which plan carries a call.
 */
class AmortizationTests {

	static final Subscription MONTHLY_84 = plan("GLM", "84", "monthly", null, null, "glm-*");

	static final Subscription YEARLY_365 = plan("Kimi", "365", "yearly", null, null, "moonshot/*");

	@Test
	void monthlyFeeIsSplitOverTheDaysOfThatMonth() {
		assertThat(Amortization.daily(MONTHLY_84, LocalDate.of(2026, 2, 14))).isEqualByComparingTo("3");
		assertThat(Amortization.daily(MONTHLY_84, LocalDate.of(2028, 2, 14))).isEqualByComparingTo("2.896552");
		assertThat(Amortization.daily(MONTHLY_84, LocalDate.of(2026, 11, 26))).isEqualByComparingTo("2.8");
		assertThat(Amortization.daily(MONTHLY_84, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("2.709677");
	}

	@Test
	void yearlyFeeIsSplitOverTheDaysOfThatYear() {
		assertThat(Amortization.daily(YEARLY_365, LocalDate.of(2026, 6, 1))).isEqualByComparingTo("1");
		assertThat(Amortization.daily(YEARLY_365, LocalDate.of(2028, 6, 1))).isEqualByComparingTo("0.997268");
	}

	@Test
	void aWholePeriodCostsExactlyTheFee() {
		assertThat(Amortization.fee(MONTHLY_84, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)))
			.isEqualByComparingTo("84");
		assertThat(Amortization.fee(YEARLY_365, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)))
			.isEqualByComparingTo("365");
	}

	@Test
	void spansAcrossMonthsAddEachMonthsShare() {
		// 4 days of October (84/31 each) and 26 of November (84/30 each)
		assertThat(Amortization.fee(MONTHLY_84, LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 26)))
			.isEqualByComparingTo("83.638710");
	}

	@Test
	void startsAndEndsLimitTheDaysPaidFor() {
		Subscription plan = plan("Trial", "30", "monthly", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 19), "x");
		assertThat(Amortization.fee(plan, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
			.isEqualByComparingTo("10");
		assertThat(Amortization.daily(plan, LocalDate.of(2026, 11, 9))).isZero();
		assertThat(Amortization.daily(plan, LocalDate.of(2026, 11, 19))).isEqualByComparingTo("1");
		assertThat(Amortization.daily(plan, LocalDate.of(2026, 11, 20))).isZero();
	}

	@Test
	void globsMatchNamesProvidersAndDeploymentPaths() {
		assertThat(new ModelGlob("glm-*").matches("GLM-4.6", "zai")).isTrue();
		assertThat(new ModelGlob("glm-*").matches("zai/glm-4.6", "")).isTrue();
		assertThat(new ModelGlob("glm-?.6").matches("glm-4.6", "zai")).isTrue();
		assertThat(new ModelGlob("glm-*").matches("chatglm", "zai")).isFalse();
		assertThat(new ModelGlob("moonshot/*").matches("kimi-k2", "moonshot")).isTrue();
		assertThat(new ModelGlob("moonshot/*").matches("kimi-k2", "openrouter")).isFalse();
		assertThat(new ModelGlob("kimi-k2").matches("kimi-k2.5", "moonshot")).isFalse();
	}

	@Test
	void theFirstPlanPaidForThatDayCarriesACall() {
		Subscription early = plan("Old", "10", "monthly", null, LocalDate.of(2026, 11, 15), "glm-*");
		Subscription late = plan("New", "20", "monthly", LocalDate.of(2026, 11, 16), null, "glm-4.6");
		SubscriptionPlans plans = new SubscriptionPlans(List.of(early, late, YEARLY_365));
		assertThat(plans.planFor("glm-4.6", LocalDate.of(2026, 11, 15))).contains("Old");
		assertThat(plans.planFor("glm-4.6", LocalDate.of(2026, 11, 16))).contains("New");
		assertThat(plans.planFor("glm-4.5", LocalDate.of(2026, 11, 16))).isEmpty();
		assertThat(plans.carrier(null, "kimi-k2", "moonshot", LocalDate.of(2026, 11, 16))).contains(YEARLY_365);
		assertThat(plans.planFor("gpt-4.1-mini", LocalDate.of(2026, 11, 16))).isEmpty();
	}

	@Test
	void workloadSharesAddUpToTheFee() {
		Map<String, Long> tokens = new LinkedHashMap<>();
		tokens.put("a", 1L);
		tokens.put("b", 1L);
		tokens.put("c", 1L);
		var shares = SubscriptionCosts.shares(new BigDecimal("1.000000"), tokens);
		assertThat(shares.stream().map(PlanDay.WorkloadShare::usd).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("1");
		assertThat(shares).extracting(PlanDay.WorkloadShare::usd)
			.containsExactly(new BigDecimal("0.333334"), new BigDecimal("0.333333"), new BigDecimal("0.333333"));
	}

	@Test
	void aPlanForOneGatewayCarriesOnlyThatGatewaysCalls() {
		Subscription staging = new Subscription("Staging plan", new BigDecimal("10"), "monthly", List.of("glm-*"),
				null, null, false, "staging");
		SubscriptionPlans plans = new SubscriptionPlans(List.of(staging));
		LocalDate day = LocalDate.of(2026, 11, 16);
		assertThat(plans.carrier("staging", "glm-4.6", "zai", day)).contains(staging);
		assertThat(plans.carrier("default", "glm-4.6", "zai", day)).isEmpty();
		// asked about every gateway (no source), the plan pays somewhere
		assertThat(plans.planFor("glm-4.6", day)).contains("Staging plan");
		assertThat(plans.planFor("default", "glm-4.6", day)).isEmpty();
	}

	static Subscription plan(String name, String fee, String period, LocalDate starts, LocalDate ends,
			String... models) {
		return new Subscription(name, new BigDecimal(fee), period, List.of(models), starts, ends, false, null);
	}

}
