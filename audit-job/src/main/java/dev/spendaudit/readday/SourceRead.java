package dev.spendaudit.readday;

/**
 * Where the audited day's figures came from, as the day's JSON says ({@code sourceRead}) and the digest prints
 * when it is anything but the usual read of the spend log.
 *
 * @param table the LiteLLM table the day was read from now ({@code "LiteLLM_SpendLogs"} or
 * {@code "LiteLLM_SpendLogs_legacy"}); null when the stored facts were kept and nothing was read
 * @param keptStoredFacts whether the source no longer holds the day and the facts stored by an earlier run were kept
 * @param oldestSourceRow the spend log's oldest row (ISO-8601 UTC), null when it is empty
 * @param note one line for the reader, null for the usual read
 */
public record SourceRead(String table, boolean keptStoredFacts, String oldestSourceRow, String note) {
}
