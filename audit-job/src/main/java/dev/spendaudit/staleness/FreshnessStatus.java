package dev.spendaudit.staleness;

/**
 * Whether the spend log is being written, as far as the audit can tell.
 */
public enum FreshnessStatus {

	/** Rows keep coming: no silence longer than the warn age, nothing seen elsewhere that the log missed. */
	OK,
	/** No rows for a while, and an independent signal agrees there was no traffic. */
	IDLE,
	/** Traffic an independent signal saw has no spend-log rows: spend logging is off or broken. */
	LOGGING_OFF,
	/** No rows for a while and nothing independent to compare with: idle and broken cannot be told apart. */
	STALE

}
