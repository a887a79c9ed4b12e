package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Some keys' traffic up to a moment (the end of the audited day): counts, spend, the models they call and every
 * hint the spend log has about who calls them. Only these hint fields are read from {@code metadata}: never the
 * whole column.
 *
 * @param lastSeen newest row in the look-back window (null when none)
 * @param requesterIps {@code requester_ip_address}
 * @param endUsers {@code end_user} (the customer a caller named)
 * @param users {@code "user"} (the internal user owning the key)
 * @param tags elements of {@code request_tags}
 * @param spendLogsMetadata {@code metadata->'spend_logs_metadata'}, the caller-supplied object, as JSON text
 */
public record KeyActivity(long requests24h, long requests7d, BigDecimal usd7d, LocalDateTime lastSeen,
		List<CountedValue> models, List<CountedValue> requesterIps, List<CountedValue> endUsers,
		List<CountedValue> users, List<CountedValue> tags, List<CountedValue> spendLogsMetadata) {

	public static KeyActivity none() {
		return new KeyActivity(0, 0, BigDecimal.ZERO, null, List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of());
	}

}
