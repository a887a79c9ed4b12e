package dev.spendaudit.baseline;

import java.util.List;

import dev.spendaudit.findings.FindingKind;

/**
 * The finding kinds detection reports besides the series' own (SPIKE, DRIFT, NEW_WORKLOAD, NEW_MODEL), and where
 * each stands in the day's order among findings of the same severity.
 */
final class Kinds {

	static final String BUDGET = "BUDGET";

	static final String UNPRICED = "UNPRICED";

	static final String UNATTRIBUTED = "UNATTRIBUTED";

	/** Spikes (a team's after the workloads') and drift, budgets, unpriced models, attribution, new series. */
	static final List<FindingKind> ALL = List.of(new FindingKind(SeriesDetector.SPIKE, 10),
			new FindingKind(TeamSpikeCheck.TEAM_SPIKE, 15), new FindingKind(SeriesDetector.DRIFT, 20), new FindingKind(BUDGET, 30), new FindingKind(UNPRICED, 40),
			new FindingKind(UNATTRIBUTED, 50), new FindingKind(NewSeriesCheck.NEW_WORKLOAD, 60),
			new FindingKind(NewSeriesCheck.NEW_MODEL, 70));

	private Kinds() {
	}

}
