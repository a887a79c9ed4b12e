package dev.spendaudit.findings;

import dev.spendaudit.core.Severity;

/**
 * A finding of the day with its memory: its state across nights and its id. A RESOLVED one is yesterday's
 * finding, severity INFO, with the severity it had kept as {@code previousSeverity}.
 *
 * @param previousSeverity null unless resolved
 */
record Remembered(Detected detected, FindingState state, String id, Severity previousSeverity) {

	String reason() {
		return detected.reason() + state.suffix();
	}

}
