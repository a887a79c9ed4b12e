package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A key's spend counters in {@code "LiteLLM_VerificationToken"} right now.
 *
 * @param spend the budget counter: reset to 0 when {@code budget_reset_at} passes
 * @param totalSpend lifetime spend, never reset (LiteLLM v1.103+; null before)
 * @param budgetResetAt when {@code spend} is next reset (null when the key has no budget period)
 */
public record KeyCounter(String apiKey, double spend, Double totalSpend, LocalDateTime budgetResetAt) {
}
