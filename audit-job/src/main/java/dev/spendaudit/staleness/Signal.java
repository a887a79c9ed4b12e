package dev.spendaudit.staleness;

/**
 * What, besides the spend log itself, says whether there was traffic.
 */
public enum Signal {

	/** {@code "LiteLLM_DailyUserSpend"}: requests and spend per key and UTC day, written even with spend logs off. */
	DAILY_AGGREGATES,
	/** The job's nightly snapshots of the keys' spend counters ({@code spend}, {@code total_spend}). */
	KEY_COUNTERS,
	/** Only the canary key, which calls hourly through the gateway (so it lands in the same log). */
	CANARY,
	/** Nothing. */
	NONE

}
