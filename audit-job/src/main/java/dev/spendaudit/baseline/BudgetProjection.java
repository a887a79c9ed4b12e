package dev.spendaudit.baseline;

import java.time.Duration;
import java.time.LocalDateTime;

import dev.spendaudit.core.Severity;

/**
 * Where a key's budget period will end at its recent pace: spend so far plus the pace for every day left until
 * the next reset. WATCH at 80% of {@code max_budget} projected, ALERT at 100%.
 *
 * @param nextReset the reset the projection runs to, or null when the key never resets (then the horizon is
 * {@code horizonDaysWithoutReset})
 * @param share projected / max budget
 * @param severity ALERT, WATCH or null
 */
public record BudgetProjection(double spentUsd, double maxBudgetUsd, double paceUsdPerDay, LocalDateTime asOf,
		LocalDateTime nextReset, double daysLeft, double projectedUsd, double share, Severity severity) {

	public static BudgetProjection project(double spentUsd, double maxBudgetUsd, double paceUsdPerDay,
			LocalDateTime asOf, LocalDateTime nextReset, DetectionSettings.Budget settings) {
		double daysLeft = nextReset == null ? settings.horizonDaysWithoutReset()
				: Math.max(0, Duration.between(asOf, nextReset).getSeconds() / 86_400.0);
		double projected = spentUsd + paceUsdPerDay * daysLeft;
		double share = maxBudgetUsd > 0 ? projected / maxBudgetUsd : Double.POSITIVE_INFINITY;
		Severity severity = share >= settings.alertShare() ? Severity.ALERT
				: share >= settings.watchShare() ? Severity.WATCH : null;
		return new BudgetProjection(spentUsd, maxBudgetUsd, paceUsdPerDay, asOf, nextReset, daysLeft, projected, share,
				severity);
	}

}
