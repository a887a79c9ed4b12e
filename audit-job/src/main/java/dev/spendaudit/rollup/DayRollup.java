package dev.spendaudit.rollup;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.AnomalousRow;
import dev.spendaudit.source.SpendGroup;
import dev.spendaudit.source.Workload;

/**
 * Everything the rollup learned about one day, ready to be stored as a whole.
 *
 * @param newestRowUtc the newest spend-log row that started before the day ended, or null
 */
record DayRollup(AuditDay day, LocalDateTime newestRowUtc, List<SpendGroup> groups, Map<String, Workload> workloads,
		List<AnomalousRow> anomalousSamples, long jobExecutionId) {

	long invalidSpendRows() {
		return groups.stream().mapToLong(SpendGroup::invalidSpendRows).sum();
	}

	long invalidMetadataRows() {
		return groups.stream().mapToLong(SpendGroup::invalidMetadataRows).sum();
	}

}
