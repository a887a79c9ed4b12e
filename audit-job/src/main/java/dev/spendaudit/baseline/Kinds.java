package dev.spendaudit.baseline;

/**
 * The finding kinds detection reports besides the series' own (SPIKE, DRIFT, NEW_WORKLOAD, NEW_MODEL).
 */
final class Kinds {

	static final String BUDGET = "BUDGET";

	static final String UNPRICED = "UNPRICED";

	static final String UNATTRIBUTED = "UNATTRIBUTED";

	private Kinds() {
	}

}
