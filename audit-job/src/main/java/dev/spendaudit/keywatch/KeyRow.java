package dev.spendaudit.keywatch;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One key in the {@code keys} list.
 *
 * @param keyName LiteLLM's abbreviated form ({@code sk-...abcd}) where the key table has it
 * @param fingerprint the first 12 characters of the token hash: what {@code fingerprint} prints for a raw key
 * @param lastSeen its newest spend-log row in the window (null when none)
 * @param lastActive the key's {@code last_active}, where LiteLLM keeps it
 * @param tokenHash the {@code api_key} value, or null when it is a raw key stored instead of its hash (never shown)
 * @param flags {@code NO_ALIAS}, {@code NEVER_USED}, {@code IDLE}, {@code RETIRING}, {@code RAW_KEY}
 * @param team the key's LiteLLM team (alias, else id), else {@value dev.spendaudit.source.Team#NO_TEAM}
 * @param teamId the key's {@code team_id}, null when it has none
 */
public record KeyRow(String workload, String attribution, String keyName, String tokenHash, String fingerprint,
		LocalDateTime lastSeen, LocalDateTime lastActive, long requests, BigDecimal usd, List<String> flags,
		String team, String teamId) {

	/** Has an alias nowhere: spend is attributed to its key name, the master key or an unknown hash. */
	public static final String NO_ALIAS = "NO_ALIAS";

	/** In the key table, no row in the window and no {@code last_active}: never used, as far as LiteLLM says. */
	public static final String NEVER_USED = "NEVER_USED";

	/** In the key table and used once ({@code last_active}), but no row in the window. */
	public static final String IDLE = "IDLE";

	/** Listed in {@code spend-audit.retiring-keys}. */
	public static final String RETIRING = "RETIRING";

	/**
	 * The spend log holds the raw key instead of its hash (LiteLLM before 2026-06 did so for non-{@code sk-}
	 * bearer tokens): it sits in the database in clear, so rotate it.
	 */
	public static final String RAW_KEY = "RAW_KEY";

}
