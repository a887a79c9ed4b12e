package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A live key in {@code "LiteLLM_VerificationToken"}: the columns the key list shows.
 *
 * @param lastActive null where LiteLLM has no {@code last_active} column or never set it
 */
public record TokenRow(String token, String alias, String keyName, LocalDateTime lastActive,
		LocalDateTime createdAt) {
}
