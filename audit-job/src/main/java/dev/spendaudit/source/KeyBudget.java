package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A virtual key's budget: its own ({@code "LiteLLM_VerificationToken"}), or the shared one its {@code budget_id}
 * names ({@code "LiteLLM_BudgetTable"}), and its spend counter for the current period, which LiteLLM zeroes at each
 * reset. A shared budget's limit applies to each key that names it, against that key's own counter, as LiteLLM
 * enforces it.
 *
 * @param budgetDuration e.g. {@code 30d}, {@code 1mo}; null when the key never resets
 * @param budgetResetAtUtc the next reset LiteLLM has scheduled, or null
 * @param budgetId the shared budget the limit comes from, or null for the key's own
 */
public record KeyBudget(String apiKey, double spendUsd, double maxBudgetUsd, String budgetDuration,
		LocalDateTime budgetResetAtUtc, String budgetId) {
}
