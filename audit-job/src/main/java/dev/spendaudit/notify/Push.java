package dev.spendaudit.notify;

import java.time.LocalDate;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingState;

/**
 * A finding of the audited day that is due to a webhook, and why.
 *
 * @param state {@code NEW}; {@code CONTINUING} when it rose to the webhook's severity after its first night; or
 * {@code RESOLVED}
 * @param severity what the push is judged and shown by: the finding's own, or for RESOLVED the one it had
 */
record Push(LocalDate date, Finding finding, String state, Severity severity) {

	boolean resolved() {
		return FindingState.RESOLVED.equals(state);
	}

	boolean escalated() {
		return FindingState.CONTINUING.equals(state);
	}

}
