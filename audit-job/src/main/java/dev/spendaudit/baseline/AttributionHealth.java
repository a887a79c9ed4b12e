package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.List;

/**
 * The digest's {@code attributionHealth}, shown every day: how much of the day's spend has no alias (master key,
 * alias-less and unknown keys).
 *
 * @param share unattributed / total (0 on a day without spend)
 * @param thresholdShare above this share the day gets an UNATTRIBUTED finding
 * @param workloads the unattributed workloads, largest first
 */
public record AttributionHealth(BigDecimal unattributedUsd, BigDecimal totalUsd, Double share,
		Double thresholdShare, List<Unnamed> workloads) {

	/** @param attribution the rule that named it: MASTER_KEY, KEY_NAME or UNKNOWN_KEY */
	public record Unnamed(String workload, String attribution, BigDecimal usd) {
	}

}
