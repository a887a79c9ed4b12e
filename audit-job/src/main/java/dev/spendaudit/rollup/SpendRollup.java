package dev.spendaudit.rollup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.AnomalousRow;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SpendGroup;
import dev.spendaudit.source.Workload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls one day of the spend log up by workload and model: aggregate in the source, attribute each key hash,
 * then replace the day in the store in one transaction.
 */
public class SpendRollup {

	static final int ANOMALY_SAMPLES = 20;

	private static final Logger log = LoggerFactory.getLogger(SpendRollup.class);

	private final LiteLlmSource source;

	private final RollupStore store;

	public SpendRollup(LiteLlmSource source, RollupStore store) {
		this.source = source;
		this.store = store;
	}

	public DayRollup rollup(AuditDay day, long jobExecutionId) {
		List<SpendGroup> groups = source.spendByKeyAndModel(day);
		Set<String> keys = groups.stream().map(SpendGroup::apiKey).collect(Collectors.toSet());
		Map<String, Workload> workloads = source.workloads(keys, day);
		boolean anomalies = groups.stream().anyMatch(g -> g.invalidSpendRows() + g.invalidMetadataRows() > 0);
		List<AnomalousRow> samples = anomalies ? source.anomalousRows(day, ANOMALY_SAMPLES) : List.of();
		DayRollup rollup = new DayRollup(day, source.newestRowBefore(day.toUtc()), groups, workloads, samples,
				jobExecutionId);
		store.replace(rollup);
		log.info("{}: {} key/model groups from {} keys{}", day.date(), groups.size(), keys.size(),
				anomalies ? ", " + (rollup.invalidSpendRows() + rollup.invalidMetadataRows()) + " anomalous rows" : "");
		return rollup;
	}

}
