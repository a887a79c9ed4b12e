package dev.spendaudit.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;

/**
 * A finding as a later night sees it in the store.
 *
 * @param group every subject it spoke for
 * @param state NEW, CONTINUING, PLANNED or RESOLVED
 * @param details its details as stored (read only for the day before, else empty)
 */
record PastFinding(LocalDate day, String id, String kind, Severity severity, String subject, String source,
		List<String> group, String state, LocalDate since, int dayOfRun, String reason, Map<String, Object> details) {

	/** Still there that night: anything but a finding reported as resolved. */
	boolean active() {
		return !FindingState.RESOLVED.equals(state);
	}

	/** Whether this and a finding of {@code otherKind} speaking for {@code subjects} are the same event. */
	boolean sameEvent(String otherKind, List<String> subjects) {
		return kind.equals(otherKind) && subjects.stream().anyMatch(group::contains);
	}

}
