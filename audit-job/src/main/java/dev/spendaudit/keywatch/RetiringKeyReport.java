package dev.spendaudit.keywatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dev.spendaudit.source.CountedValue;

/**
 * One retiring key as seen from the end of the audited day: a line of the migration checklist.
 *
 * @param order its position in {@code spend-audit.retiring-keys}
 * @param matchedBy how the setting was recognised (ALIAS, KEY_NAME, TOKEN_HASH or NONE)
 * @param hashes the LiteLLM key hashes it stands for
 * @param lastSeen its newest spend-log row in the look-back (null when none)
 * @param lastActive the key's {@code last_active}, where LiteLLM keeps it, if before the end of the day
 * @param lastDailyDate the newest UTC date the daily aggregates count requests for it
 * @param latestSign the newest of those signs of traffic (null when none was found)
 * @param quietHours hours from it to the end of the day
 * @param deadline the first date in the note: still ACTIVE after it is a WATCH
 */
public record RetiringKeyReport(int order, String key, String matchedBy, String workload, List<String> hashes,
		LocalDateTime lastSeen, LocalDateTime lastActive, LocalDate lastDailyDate, LocalDateTime latestSign,
		long requests24h,
		long requests7d, BigDecimal usd7d, int quietDays, BigDecimal quietHours, Verdict verdict, String note,
		LocalDate deadline, List<CountedValue> models, Callers callers) {

	/** Every hint the spend log has about who still calls the key, most frequent first. */
	public record Callers(List<CountedValue> requesterIps, List<CountedValue> endUsers, List<CountedValue> users,
			List<CountedValue> tags, List<CountedValue> spendLogsMetadata) {
	}

}
