package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.Workload;

import static dev.spendaudit.core.Quantities.usd;

/**
 * BUDGET: each key with its own {@code max_budget}, projected at its recent pace (the mean of the last 7 audited
 * days, from the rollup) to its next reset, which follows {@code budget_reset_at} and {@code budget_duration}.
 * <p>
 * The projection starts at the end of the audited day, with the spend the key had then: LiteLLM's counter (read
 * when the job runs) minus what the key logged since. When the key's budget has reset since that day (a rerun of
 * an older day), the counter belongs to a later period, so the spend is the key's logged spend from the start of
 * the day's period instead.
 */
final class BudgetCheck {

	/** A key's logged spend between two UTC wall-clock times. */
	interface LoggedSpend {

		double between(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc);

	}

	private final DetectionSettings.Budget settings;

	/** What the findings' subjects start with: {@code workload:} for keys, {@code team:} for teams. */
	private final String subject;

	BudgetCheck(DetectionSettings.Budget settings) {
		this(settings, "workload:");
	}

	BudgetCheck(DetectionSettings.Budget settings, String subject) {
		this.settings = settings;
		this.subject = subject;
	}

	/**
	 * @param asOf the end of the audited day (UTC wall-clock): the projection starts there
	 * @param now when LiteLLM's counters were read (UTC wall-clock)
	 * @param rows the rollup rows of the days up to the audited one
	 * @param workloads the workload behind each budgeted key
	 */
	List<Draft> check(LocalDate day, LocalDateTime asOf, LocalDateTime now, List<KeyBudget> budgets,
			List<DayRow> rows, Map<String, Workload> workloads, LoggedSpend logged) {
		List<Draft> drafts = new ArrayList<>();
		LocalDate firstPaceDay = day.minusDays(settings.paceDays() - 1);
		Map<String, Double> recent = new java.util.HashMap<>();
		for (DayRow r : rows) {
			if (!r.date().isBefore(firstPaceDay) && !r.date().isAfter(day)) {
				recent.merge(r.apiKey(), r.usd().doubleValue(), Double::sum);
			}
		}
		for (KeyBudget key : budgets) {
			double pace = recent.getOrDefault(key.apiKey(), 0.0) / settings.paceDays();
			Optional<BudgetDuration> duration = BudgetDuration.parse(key.budgetDuration());
			LocalDateTime next = BudgetDuration.nextReset(key.budgetResetAtUtc(), duration, asOf);
			double spent = spentAsOf(key, duration, next, asOf, now, logged);
			BudgetProjection p = BudgetProjection.project(spent, key.maxBudgetUsd(), pace, asOf, next, settings);
			if (p.severity() == null) {
				continue;
			}
			Workload w = workloads.get(key.apiKey());
			String name = w != null ? w.name() : key.apiKey().substring(0, Math.min(8, key.apiKey().length()));
			String until = next == null ? "in " + settings.horizonDaysWithoutReset() + " days (the budget never resets)"
					: "by the reset on " + next.toLocalDate();
			String rule = p.severity() + ": projected " + AttributionCheck.percent(p.share()) + " ≥ "
					+ AttributionCheck.percent(p.severity() == dev.spendaudit.core.Severity.ALERT ? settings.alertShare()
							: settings.watchShare());
			String reason = name + ": " + usd(p.spentUsd()) + " of its " + usd(p.maxBudgetUsd())
					+ (key.budgetId() == null ? " budget" : " budget (shared budget " + key.budgetId() + ")")
					+ " spent, " + usd(pace) + "/day over the last " + settings.paceDays() + " days → "
					+ usd(p.projectedUsd()) + " " + until + "; " + rule;
			drafts.add(Draft.of(Kinds.BUDGET, p.severity(), subject + name, Money.exact(p.spentUsd()),
					null, reason,
					new DetectionDetails.Budget(rule, Money.exact(p.spentUsd()), Money.exact(p.maxBudgetUsd()),
							Money.exact(pace), settings.paceDays(), Money.exact(p.projectedUsd()),
							Money.round(p.share(), 4), key.budgetDuration(),
							UtcTimes.iso(next), Money.round(p.daysLeft(), 2), key.budgetId())));
		}
		return drafts;
	}


	/** The key's spend in its budget period as of the end of the audited day. */
	private static double spentAsOf(KeyBudget key, Optional<BudgetDuration> duration, LocalDateTime next,
			LocalDateTime asOf, LocalDateTime now, LoggedSpend logged) {
		if (!now.isAfter(asOf)) {
			return key.spendUsd();
		}
		boolean resetSince = next != null && !next.isAfter(now);
		if (resetSince && duration.isPresent()) {
			return logged.between(key.apiKey(), duration.get().subtractFrom(next), asOf);
		}
		return Math.max(0, key.spendUsd() - logged.between(key.apiKey(), asOf, now));
	}

}
