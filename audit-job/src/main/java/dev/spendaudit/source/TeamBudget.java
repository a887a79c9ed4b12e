package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A team's own budget, as {@code "LiteLLM_TeamTable"} holds it: the team's spend counter for the current period,
 * which LiteLLM zeroes at each reset.
 *
 * @param budgetDuration e.g. {@code 30d}, {@code 1mo}; null when the budget never resets
 * @param budgetResetAtUtc the next reset LiteLLM has scheduled, or null
 */
public record TeamBudget(double spendUsd, double maxBudgetUsd, String budgetDuration,
		LocalDateTime budgetResetAtUtc) {
}
