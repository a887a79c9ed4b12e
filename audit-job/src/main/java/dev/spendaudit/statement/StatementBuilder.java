package dev.spendaudit.statement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.reconcile.ProviderCapture;
import dev.spendaudit.subscriptions.Subscription;
import dev.spendaudit.subscriptions.SubscriptionPlans;

/**
 * Builds a period's {@link Statement} from the store's groups of its days and of the period before, the flat-fee
 * plans and the period's budget findings. Plain arithmetic: no database, no Spring.
 */
class StatementBuilder {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final SubscriptionPlans plans;

	StatementBuilder(SubscriptionPlans plans) {
		this.plans = plans;
	}

	/** What the builder reads for one period: its stored groups and which of its days the store holds. */
	record Stored(Period period, List<KeyModelRow> rows, Set<LocalDate> days) {
	}

	Statement build(Stored current, Stored previous, List<Statement.Budget> budgets, List<ProviderCapture> reconciled,
			String zone, String generatedAt) {
		Period period = current.period();
		BigDecimal metered = sum(current.rows());
		BigDecimal fees = fees(period.from(), period.to());
		Map<String, List<KeyModelRow>> byWorkload = group(current.rows(), KeyModelRow::workload);
		Map<String, BigDecimal> before = totals(previous.rows(), KeyModelRow::workload);
		List<Statement.WorkloadLine> workloads = new ArrayList<>();
		for (var e : byWorkload.entrySet()) {
			BigDecimal usd = sum(e.getValue());
			BigDecimal prev = before.getOrDefault(e.getKey(), BigDecimal.ZERO);
			workloads.add(new Statement.WorkloadLine(e.getKey(), usd, share(usd, metered), prev, usd.subtract(prev),
					requests(e.getValue()), tokens(e.getValue()), models(e.getValue(), previous.rows(), e.getKey())));
		}
		// a workload of the period before with nothing in this one still moved: down to zero
		before.forEach((workload, prev) -> {
			if (!byWorkload.containsKey(workload)) {
				workloads.add(new Statement.WorkloadLine(workload, BigDecimal.ZERO, BigDecimal.ZERO, prev, prev.negate(),
						0, 0, List.of()));
			}
		});
		workloads.sort(Comparator.comparing(Statement.WorkloadLine::usd).reversed()
			.thenComparing(Statement.WorkloadLine::previousUsd, Comparator.reverseOrder())
			.thenComparing(Statement.WorkloadLine::workload));
		List<Statement.Mover> movers = workloads.stream()
			.filter(w -> w.changeUsd().signum() != 0)
			.sorted(Comparator.comparing((Statement.WorkloadLine w) -> w.changeUsd().abs()).reversed()
				.thenComparing(Statement.WorkloadLine::workload))
			.limit(3)
			.map(w -> new Statement.Mover(w.workload(), w.usd(), w.previousUsd(), w.changeUsd()))
			.toList();
		Period prev = previous.period();
		BigDecimal prevMetered = sum(previous.rows());
		BigDecimal prevFees = fees(prev.from(), prev.to());
		Statement.Days days = days(current);
		Statement.Days prevDays = days(previous);
		return new Statement(period.label(), period.week() ? "week" : "month", period.title(), period.from(),
				period.to(), zone, metered, fees, metered.add(fees),
				new Statement.Previous(prev.label(), prev.from(), prev.to(), prevMetered, prevFees,
						prevMetered.add(prevFees), prevDays),
				List.copyOf(workloads), movers, planLines(current), meteredModels(current.rows()), List.copyOf(budgets),
				List.copyOf(reconciled), days, note(days, prevDays, period, prev), generatedAt);
	}

	private BigDecimal fees(LocalDate from, LocalDate to) {
		return plans.all()
			.stream()
			.map(p -> SubscriptionPlans.fee(p, from, to))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Each plan's fee over the period and the calls it carried on the stored days, as the nightly costs assign them. */
	private List<Statement.PlanLine> planLines(Stored current) {
		Map<String, long[]> carried = new LinkedHashMap<>();
		for (KeyModelRow r : current.rows()) {
			plans.carrier(r.source(), r.model(), r.provider(), r.date()).ifPresent(plan -> {
				long[] c = carried.computeIfAbsent(plan.name(), n -> new long[2]);
				c[0] += r.requests();
				c[1] += r.tokens();
			});
		}
		List<Statement.PlanLine> lines = new ArrayList<>();
		for (Subscription plan : plans.all()) {
			BigDecimal fee = SubscriptionPlans.fee(plan, current.period().from(), current.period().to());
			long[] c = carried.getOrDefault(plan.name(), new long[2]);
			lines.add(new Statement.PlanLine(plan.name(), fee, c[0], c[1], perMillion(fee, c[1])));
		}
		return lines;
	}

	/** The models with metered spend, biggest first: what a million tokens cost per call. */
	private List<Statement.ModelPrice> meteredModels(List<KeyModelRow> rows) {
		Map<String, List<KeyModelRow>> byModel = group(rows, r -> r.model() + "\u0000" + r.provider());
		List<Statement.ModelPrice> prices = new ArrayList<>();
		byModel.forEach((key, group) -> {
			BigDecimal usd = sum(group);
			if (usd.signum() > 0) {
				long tokens = tokens(group);
				prices.add(new Statement.ModelPrice(group.get(0).model(), group.get(0).provider(), usd, tokens,
						perMillion(usd, tokens)));
			}
		});
		prices.sort(Comparator.comparing(Statement.ModelPrice::usd).reversed().thenComparing(Statement.ModelPrice::model));
		return prices;
	}

	private static List<Statement.ModelLine> models(List<KeyModelRow> rows, List<KeyModelRow> previous, String workload) {
		BigDecimal workloadUsd = sum(rows);
		Map<String, BigDecimal> before = totals(previous.stream().filter(r -> r.workload().equals(workload)).toList(),
				r -> r.model() + "\u0000" + r.provider());
		List<Statement.ModelLine> models = new ArrayList<>();
		group(rows, r -> r.model() + "\u0000" + r.provider()).forEach((key, group) -> {
			BigDecimal usd = sum(group);
			models.add(new Statement.ModelLine(group.get(0).model(), group.get(0).provider(), usd,
					share(usd, workloadUsd), before.getOrDefault(key, BigDecimal.ZERO), requests(group), tokens(group)));
		});
		models.sort(Comparator.comparing(Statement.ModelLine::usd).reversed().thenComparing(Statement.ModelLine::model));
		return models;
	}

	private static Statement.Days days(Stored stored) {
		List<LocalDate> missing = new ArrayList<>();
		for (LocalDate d = stored.period().from(); !d.isAfter(stored.period().to()); d = d.plusDays(1)) {
			if (!stored.days().contains(d)) {
				missing.add(d);
			}
		}
		return new Statement.Days(stored.period().days(), stored.period().days() - missing.size(), missing);
	}

	private static String note(Statement.Days days, Statement.Days prevDays, Period period, Period prev) {
		List<String> parts = new ArrayList<>();
		if (!days.missing().isEmpty()) {
			parts.add(days.missing().size() + " of the " + days.expected() + " days of " + period.label()
					+ " are not in the store (" + ranges(days.missing()) + "): its figures leave them out");
		}
		if (!prevDays.missing().isEmpty()) {
			parts.add(prevDays.missing().size() + " of the " + prevDays.expected() + " days of " + prev.label()
					+ ", the period it is compared with, are not in the store");
		}
		return parts.isEmpty() ? null : String.join("; ", parts) + ".";
	}

	/** {@code 2026-11-01 .. 2026-11-03, 2026-11-07}. */
	static String ranges(List<LocalDate> days) {
		List<String> out = new ArrayList<>();
		LocalDate start = null;
		LocalDate last = null;
		for (LocalDate d : days) {
			if (last != null && d.equals(last.plusDays(1))) {
				last = d;
				continue;
			}
			if (start != null) {
				out.add(start.equals(last) ? start.toString() : start + " .. " + last);
			}
			start = d;
			last = d;
		}
		if (start != null) {
			out.add(start.equals(last) ? start.toString() : start + " .. " + last);
		}
		return String.join(", ", out);
	}

	private static <K> Map<K, List<KeyModelRow>> group(List<KeyModelRow> rows,
			java.util.function.Function<KeyModelRow, K> key) {
		Map<K, List<KeyModelRow>> groups = new TreeMap<>();
		rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
		return groups;
	}

	private static Map<String, BigDecimal> totals(List<KeyModelRow> rows,
			java.util.function.Function<KeyModelRow, String> key) {
		Map<String, BigDecimal> totals = new TreeMap<>();
		rows.forEach(r -> totals.merge(key.apply(r), r.usd(), BigDecimal::add));
		return totals;
	}

	private static BigDecimal sum(List<KeyModelRow> rows) {
		return rows.stream().map(KeyModelRow::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static long requests(List<KeyModelRow> rows) {
		return rows.stream().mapToLong(KeyModelRow::requests).sum();
	}

	private static long tokens(List<KeyModelRow> rows) {
		return rows.stream().mapToLong(KeyModelRow::tokens).sum();
	}

	private static BigDecimal share(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, 4, RoundingMode.HALF_UP);
	}

	private static BigDecimal perMillion(BigDecimal usd, long tokens) {
		return tokens == 0 ? null
				: usd.multiply(MILLION).divide(BigDecimal.valueOf(tokens), MathContext.DECIMAL64)
					.setScale(6, RoundingMode.HALF_UP);
	}

}
