package dev.spendaudit.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Acknowledgement;
import dev.spendaudit.findings.Finding;
import org.junit.jupiter.api.Test;

import static dev.spendaudit.notify.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** Which of a day's findings a webhook is pushed. */
class DuePushesTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final Webhook ALERTS = new Webhook("https://hooks.example/a", "json", null, null);

	static final Webhook WATCH_AND_RESOLVED = new Webhook("https://hooks.example/b", "json", "WATCH", true);

	@Test
	void aNewFindingAtOrAboveTheSeverityIsDue() {
		List<Finding> today = List.of(finding("a1", Severity.ALERT, "NEW"), finding("w1", Severity.WATCH, "NEW"),
				finding("i1", Severity.INFO, "NEW"));
		assertThat(ids(DuePushes.due(DAY, ALERTS, today, Map.of(), id -> false, FindingQuieting.NONE)))
			.containsExactly("a1 NEW ALERT");
		assertThat(ids(DuePushes.due(DAY, WATCH_AND_RESOLVED, today, Map.of(), id -> false, FindingQuieting.NONE)))
			.containsExactly("a1 NEW ALERT", "w1 NEW WATCH");
	}

	@Test
	void anAcknowledgedFindingIsNeverDue() {
		Finding acked = finding("a2", Severity.ALERT, "NEW").with(
				new Acknowledgement("reindex, expected", null, "2026-11-26T08:00:00Z"));
		List<Finding> today = List.of(finding("a1", Severity.ALERT, "NEW"), acked);
		assertThat(ids(DuePushes.due(DAY, ALERTS, today, Map.of(), id -> false, FindingQuieting.ACKNOWLEDGED)))
			.containsExactly("a1 NEW ALERT");
	}

	@Test
	void aContinuingFindingIsNotDueAgain() {
		List<Finding> today = List.of(finding("a1", Severity.ALERT, "CONTINUING"));
		assertThat(DuePushes.due(DAY, ALERTS, today, Map.of("a1", Severity.ALERT), id -> false, FindingQuieting.NONE))
			.isEmpty();
	}

	@Test
	void aContinuingFindingThatRoseToTheSeverityIsDueOnce() {
		List<Finding> today = List.of(finding("w1", Severity.ALERT, "CONTINUING"));
		Map<String, Severity> yesterday = Map.of("w1", Severity.WATCH);
		assertThat(ids(DuePushes.due(DAY, ALERTS, today, yesterday, id -> false, FindingQuieting.NONE)))
			.containsExactly("w1 CONTINUING ALERT");
		// pushed before (an ALERT, a WATCH for a while, an ALERT again): not a second time
		assertThat(DuePushes.due(DAY, ALERTS, today, yesterday, Set.of("w1")::contains, FindingQuieting.NONE))
			.isEmpty();
		// the WATCH webhook had it as NEW already
		assertThat(DuePushes.due(DAY, WATCH_AND_RESOLVED, today, yesterday, id -> false, FindingQuieting.NONE))
			.isEmpty();
	}

	@Test
	void aResolvedFindingIsDueWithOnResolveByTheSeverityItHad() {
		List<Finding> today = List.of(finding("a1", "SPIKE", Severity.INFO, "total", "RESOLVED", Severity.ALERT),
				finding("w1", "DRIFT", Severity.INFO, "total", "RESOLVED", Severity.WATCH));
		assertThat(DuePushes.due(DAY, ALERTS, today, Map.of(), id -> false, FindingQuieting.NONE)).isEmpty();
		assertThat(ids(DuePushes.due(DAY, WATCH_AND_RESOLVED, today, Map.of(), id -> false, FindingQuieting.NONE)))
			.containsExactly("a1 RESOLVED ALERT", "w1 RESOLVED WATCH");
		Webhook alertsAndResolved = new Webhook("https://hooks.example/c", "json", "ALERT", true);
		assertThat(ids(DuePushes.due(DAY, alertsAndResolved, today, Map.of(), id -> false, FindingQuieting.NONE)))
			.containsExactly("a1 RESOLVED ALERT");
	}

	@Test
	void plannedAndQuietedFindingsAreNeverDue() {
		List<Finding> today = List.of(finding("p1", Severity.ALERT, "PLANNED"), finding("q1", Severity.ALERT, "NEW"),
				finding("a1", Severity.ALERT, "NEW"));
		FindingQuieting acknowledged = (f, day) -> f.id().equals("q1") && day.equals(DAY);
		assertThat(ids(DuePushes.due(DAY, ALERTS, today, Map.of(), id -> false, acknowledged)))
			.containsExactly("a1 NEW ALERT");
	}

	private static List<String> ids(List<Push> pushes) {
		return pushes.stream().map(p -> p.finding().id() + " " + p.state() + " " + p.severity()).toList();
	}

}
