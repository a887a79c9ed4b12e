package dev.spendaudit.source;

import java.util.List;

/**
 * Every hint the spend log has about who calls some keys. Only these hint fields are read from {@code metadata}:
 * never the whole column.
 *
 * @param requesterIps {@code requester_ip_address}
 * @param endUsers {@code end_user} (the customer a caller named)
 * @param users {@code "user"} (the internal user owning the key)
 * @param tags elements of {@code request_tags}
 * @param spendLogsMetadata {@code metadata->'spend_logs_metadata'}, the caller-supplied object, as JSON text
 */
public record CallerHints(List<CountedValue> requesterIps, List<CountedValue> endUsers, List<CountedValue> users,
		List<CountedValue> tags, List<CountedValue> spendLogsMetadata) {

	public static final CallerHints NONE = new CallerHints(List.of(), List.of(), List.of(), List.of(), List.of());

}
