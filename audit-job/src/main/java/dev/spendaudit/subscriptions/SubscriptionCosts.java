package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.source.LiteLlmSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds flat-fee plans into the day's cost: each plan's amortized fee, the calls and tokens it carried, its
 * effective price per million tokens over 30 days and the month to date, and metered, flat-fee and total cost side
 * by side. Everything comes from the history: the day's facts and the stored days before it, never the spend log.
 */
public class SubscriptionCosts {

	static final int WINDOW_DAYS = 30;

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private static final Logger log = LoggerFactory.getLogger(SubscriptionCosts.class);

	private final HistoryReader history;

	private final SubscriptionStore store;

	private final SubscriptionPlans plans;

	public SubscriptionCosts(HistoryReader history, SubscriptionStore store, SubscriptionPlans plans) {
		this.history = history;
		this.store = store;
		this.plans = plans;
	}

	public CostDay cost(AuditDay day) {
		LocalDate date = day.date();
		LocalDate monthStart = date.withDayOfMonth(1);
		LocalDate from30 = date.minusDays(WINDOW_DAYS - 1);
		LocalDate first = from30.isBefore(monthStart) ? from30 : monthStart;
		List<KeyModelRow> usage = history.rows(first, date);
		List<KeyModelRow> today = usage.stream().filter(r -> r.date().equals(date)).toList();
		BigDecimal metered = today.stream().map(KeyModelRow::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal meteredMtd = usage.stream()
			.filter(u -> !u.date().isBefore(monthStart))
			.map(KeyModelRow::usd)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		List<PlanDay> planDays = new ArrayList<>();
		List<Subscription> all = plans.all();
		for (int i = 0; i < all.size(); i++) {
			PlanDay p = planDay(i, all.get(i), date, monthStart, from30, today, usage);
			if (p.active() || p.monthToDateUsd().signum() > 0) {
				planDays.add(p);
			}
		}
		BigDecimal flat = planDays.stream().map(PlanDay::feeUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal flatMtd = planDays.stream().map(PlanDay::monthToDateUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
		CostDay cost = new CostDay(date, monthStart, metered, flat, meteredMtd, flatMtd, planDays);
		store.replace(cost);
		log.info("{}: metered {}, flat-fee {} over {} plans, total {}", date, Quantities.usd(metered),
				Quantities.usd(flat), planDays.size(), Quantities.usd(cost.totalUsd()));
		return cost;
	}

	private PlanDay planDay(int order, Subscription plan, LocalDate date, LocalDate monthStart, LocalDate from30,
			List<KeyModelRow> today, List<KeyModelRow> usage) {
		boolean active = plan.activeOn(date);
		long requests = 0;
		long prompt = 0;
		long completion = 0;
		Map<String, PlanDay.ModelCarried> models = new LinkedHashMap<>();
		Map<String, Long> workloadTokens = new LinkedHashMap<>();
		for (KeyModelRow r : today) {
			if (!carries(plan, r, date)) {
				continue;
			}
			requests += r.requests();
			prompt += r.promptTokens();
			completion += r.completionTokens();
			long tokens = r.promptTokens() + r.completionTokens();
			models.merge(r.model() + "|" + r.provider(),
					new PlanDay.ModelCarried(r.model(), r.provider(), r.requests(), tokens),
					(a, b) -> new PlanDay.ModelCarried(a.model(), a.provider(), a.requests() + b.requests(),
							a.tokens() + b.tokens()));
			workloadTokens.merge(r.workload(), tokens, Long::sum);
		}
		long requests30 = 0;
		long tokens30 = 0;
		for (KeyModelRow u : usage) {
			if (!u.date().isBefore(from30) && !u.date().isAfter(date) && carries(plan, u, u.date())) {
				requests30 += u.requests();
				tokens30 += u.tokens();
			}
		}
		BigDecimal fee = Amortization.daily(plan, date);
		BigDecimal fee30 = Amortization.fee(plan, from30, date);
		BigDecimal perMillion = tokens30 == 0 ? null
				: fee30.multiply(MILLION).divide(BigDecimal.valueOf(tokens30), Amortization.SCALE, RoundingMode.HALF_UP);
		List<PlanDay.ModelCarried> carried = new ArrayList<>(models.values());
		carried.sort(Comparator.comparingLong(PlanDay.ModelCarried::tokens).reversed()
			.thenComparing(PlanDay.ModelCarried::model));
		List<PlanDay.WorkloadShare> shares = plan.attributesToWorkloads() ? shares(fee, workloadTokens) : List.of();
		return new PlanDay(order, plan, active, fee, Amortization.fee(plan, monthStart, date), requests, prompt,
				completion, requests30, tokens30, fee30, perMillion, carried, shares);
	}

	private boolean carries(Subscription plan, KeyModelRow r, LocalDate day) {
		Optional<Subscription> carrier = plans.carrier(r.source(), r.model(), r.provider(), day);
		return carrier.isPresent() && carrier.get().name().equals(plan.name());
	}

	/**
	 * The fee spread by tokens, each share rounded to the micro-dollar; what rounding leaves over goes to the
	 * biggest user, so the shares add up to the fee exactly.
	 */
	static List<PlanDay.WorkloadShare> shares(BigDecimal fee, Map<String, Long> tokensByWorkload) {
		long total = tokensByWorkload.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0 || fee.signum() == 0) {
			return List.of();
		}
		List<PlanDay.WorkloadShare> shares = new ArrayList<>();
		tokensByWorkload.forEach((workload, tokens) -> shares.add(new PlanDay.WorkloadShare(workload, tokens,
				fee.multiply(BigDecimal.valueOf(tokens))
					.divide(BigDecimal.valueOf(total), MathContext.DECIMAL128)
					.setScale(Amortization.SCALE, RoundingMode.HALF_UP))));
		shares.sort(Comparator.comparingLong(PlanDay.WorkloadShare::tokens).reversed()
			.thenComparing(PlanDay.WorkloadShare::workload));
		BigDecimal rest = fee.subtract(shares.stream().map(PlanDay.WorkloadShare::usd).reduce(BigDecimal.ZERO, BigDecimal::add));
		PlanDay.WorkloadShare top = shares.get(0);
		shares.set(0, new PlanDay.WorkloadShare(top.workload(), top.tokens(), top.usd().add(rest)));
		return shares;
	}

}
