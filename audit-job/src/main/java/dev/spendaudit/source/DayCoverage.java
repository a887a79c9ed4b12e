package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * Whether the source still holds a day, and where. LiteLLM deletes spend-log rows older than its retention period
 * ({@code maximum_spend_logs_retention_period}); after a switch to its partitioned spend log, the rows from before
 * the switch may sit in {@code "LiteLLM_SpendLogs_legacy"} instead.
 *
 * @param table the table the day is read from: {@code "LiteLLM_SpendLogs"}, or the legacy table when only it has the
 * day
 * @param held false when the day ends at or before the spend log's oldest row (or the log is empty) and the legacy
 * table has no row of it either: reading it would find nothing, whatever was spent
 * @param oldestRowUtc the spend log's oldest row, null when it is empty
 */
public record DayCoverage(String table, boolean held, LocalDateTime oldestRowUtc) {

	/** The spend log's own table. */
	public static final String SPEND_LOGS = SourceCapabilities.SPEND_LOGS;

	/** The table LiteLLM's partitioning leaves the old spend log in. */
	public static final String LEGACY_SPEND_LOGS = SourceCapabilities.LEGACY_SPEND_LOGS;

	/** Whether the day is read from the legacy table. */
	public boolean fromLegacy() {
		return LEGACY_SPEND_LOGS.equals(table);
	}

}
