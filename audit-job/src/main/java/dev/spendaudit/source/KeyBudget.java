package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A virtual key's own budget ({@code "LiteLLM_VerificationToken"}): its spend counter for the current period,
 * which LiteLLM zeroes at each reset.
 *
 * @param budgetDuration e.g. {@code 30d}, {@code 1mo}; null when the key never resets
 * @param budgetResetAtUtc the next reset LiteLLM has scheduled, or null
 */
public record KeyBudget(String apiKey, double spendUsd, double maxBudgetUsd, String budgetDuration,
		LocalDateTime budgetResetAtUtc) {
}
