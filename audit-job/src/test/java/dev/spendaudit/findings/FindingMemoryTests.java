package dev.spendaudit.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingMemoryTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final String SOURCE = RuleDay.DEFAULT_SOURCE;

	static final Detected SPIKE = new Detected("SPIKE", Severity.ALERT, "workload:w/model:m", null, null, "reason",
			null, List.of("workload:w/model:m", "total", "workload:w"), null);

	static PastFinding past(LocalDate day, String kind, Severity severity, String subject, String state, LocalDate since,
			int dayOfRun) {
		return new PastFinding(day, "id-" + subject, kind, severity, subject, SOURCE, List.of(subject), state, since,
				dayOfRun, "reason of " + subject + (dayOfRun > 1 ? " · day " + dayOfRun + ", since " + since : ""),
				Map.of("rule", "r", "state", Map.of("state", state)));
	}

	static Remembered one(FindingMemory memory, Detected d) {
		List<Remembered> all = memory.remember(List.of(d));
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	@Test
	void aFindingTheDayBeforeDidNotHaveIsNewWithAnIdOfItsOwn() {
		Remembered r = one(new FindingMemory(DAY, SOURCE, List.of(), List.of()), SPIKE);
		assertThat(r.state()).isEqualTo(new FindingState(FindingState.NEW, DAY, 1, null, null));
		assertThat(r.reason()).isEqualTo("reason");
		assertThat(r.id()).hasSize(12).isEqualTo(FindingMemory.idOf("SPIKE", "workload:w/model:m", SOURCE, DAY))
			.isNotEqualTo(FindingMemory.idOf("SPIKE", "workload:w/model:m", SOURCE, DAY.minusDays(1)));
	}

	@Test
	void theSameEventSeenOnAnotherSubjectTheDayBeforeContinuesUnderItsId() {
		// yesterday the headline was the total; today's finding speaks for the total too
		PastFinding yesterday = past(DAY.minusDays(1), "SPIKE", Severity.ALERT, "total", FindingState.CONTINUING,
				DAY.minusDays(2), 2);
		Remembered r = one(new FindingMemory(DAY, SOURCE, List.of(yesterday), List.of()), SPIKE);
		assertThat(r.state()).isEqualTo(new FindingState(FindingState.CONTINUING, DAY.minusDays(2), 3, null, null));
		assertThat(r.reason()).isEqualTo("reason · day 3, since 2026-11-24");
		assertThat(r.id()).isEqualTo("id-total");
	}

	@Test
	void anotherKindIsAnotherEventAndTheOldOneResolves() {
		PastFinding drift = past(DAY.minusDays(1), "DRIFT", Severity.WATCH, "total", FindingState.NEW, DAY.minusDays(1),
				1);
		List<Remembered> all = new FindingMemory(DAY, SOURCE, List.of(drift), List.of()).remember(List.of(SPIKE));
		assertThat(all).extracting(r -> r.detected().kind() + " " + r.state().state())
			.containsExactly("SPIKE NEW", "DRIFT RESOLVED");
	}

	@Test
	void anotherSourceIsAnotherEvent() {
		PastFinding elsewhere = new PastFinding(DAY.minusDays(1), "x", "SPIKE", Severity.ALERT, "total", "gateway-2",
				List.of("total"), FindingState.NEW, DAY.minusDays(1), 1, "reason", Map.of());
		List<Remembered> all = new FindingMemory(DAY, SOURCE, List.of(elsewhere), List.of()).remember(List.of(SPIKE));
		assertThat(all).as("gateway-2's spike neither continues here nor resolves here").hasSize(1);
		assertThat(all.get(0).state().state()).isEqualTo(FindingState.NEW);
	}

	@Test
	void aWatchOrAlertGoneTodayIsResolvedOnceAsInfoKeepingItsSeverity() {
		PastFinding yesterday = past(DAY.minusDays(1), "LOGGING_OFF", Severity.ALERT, "spend-log",
				FindingState.CONTINUING, DAY.minusDays(3), 3);
		List<Remembered> all = new FindingMemory(DAY, SOURCE, List.of(yesterday), List.of()).remember(List.of());
		assertThat(all).hasSize(1);
		Remembered resolved = all.get(0);
		assertThat(resolved.detected().severity()).isEqualTo(Severity.INFO);
		assertThat(resolved.previousSeverity()).isEqualTo(Severity.ALERT);
		assertThat(resolved.state()).isEqualTo(new FindingState(FindingState.RESOLVED, DAY.minusDays(3), 3, 3, null));
		assertThat(resolved.id()).isEqualTo("id-spend-log");
		assertThat(resolved.reason())
			.isEqualTo("Resolved (ALERT for 3 days from 2026-11-23, not seen today): reason of spend-log");
		assertThat(resolved.detected().details()).as("yesterday's numbers, without yesterday's state")
			.isEqualTo(Map.of("rule", "r"));
	}

	@Test
	void aResolvedFindingDoesNotResolveAgainAndAnInfoOneEndsWithoutAWord() {
		PastFinding resolved = past(DAY.minusDays(1), "SPIKE", Severity.INFO, "total", FindingState.RESOLVED,
				DAY.minusDays(2), 1);
		PastFinding info = past(DAY.minusDays(1), "NEW_WORKLOAD", Severity.INFO, "workload:w", FindingState.NEW,
				DAY.minusDays(1), 1);
		assertThat(new FindingMemory(DAY, SOURCE, List.of(resolved, info), List.of()).remember(List.of())).isEmpty();
	}

	@Test
	void aFindingBackTheDayAfterItResolvedIsNew() {
		PastFinding resolved = past(DAY.minusDays(1), "SPIKE", Severity.INFO, "total", FindingState.RESOLVED,
				DAY.minusDays(3), 2);
		Remembered r = one(new FindingMemory(DAY, SOURCE, List.of(resolved), List.of()), SPIKE);
		assertThat(r.state().state()).isEqualTo(FindingState.NEW);
		assertThat(r.state().since()).isEqualTo(DAY);
	}

	@Test
	void aRerunPastDayCountsTheLaterDaysAlreadyStored() {
		List<PastFinding> later = List.of(
				past(DAY.plusDays(1), "SPIKE", Severity.ALERT, "workload:w", FindingState.CONTINUING, DAY, 2),
				past(DAY.plusDays(3), "SPIKE", Severity.ALERT, "workload:w", FindingState.NEW, DAY.plusDays(3), 1));
		Remembered r = one(new FindingMemory(DAY, SOURCE, List.of(), later), SPIKE);
		assertThat(r.reason()).as("the gap on day +2 ends the run").isEqualTo("reason · day 1 of 2, since 2026-11-26");
	}

	@Test
	void aRerunPastDayDoesNotCountALaterDayThatOnlyResolvedIt() {
		List<PastFinding> later = List.of(
				past(DAY.plusDays(1), "SPIKE", Severity.INFO, "workload:w", FindingState.RESOLVED, DAY, 1));
		assertThat(one(new FindingMemory(DAY, SOURCE, List.of(), later), SPIKE).reason()).isEqualTo("reason");
	}

	@Test
	void aPlannedWindowSaysWhichDayOfItThisIs() {
		Detected planned = new Detected("SPIKE", Severity.INFO, "workload:w/model:m", null, null, "reason", null,
				List.of("workload:w/model:m"), new Detected.Planned(DAY.minusDays(1), DAY.plusDays(1), "reindex"));
		Remembered r = one(new FindingMemory(DAY, SOURCE, List.of(), List.of()), planned);
		assertThat(r.reason()).isEqualTo("reason · planned: reindex (day 2 of 3)");
		assertThat(r.id()).isEqualTo(FindingMemory.idOf("SPIKE", "workload:w/model:m", SOURCE, DAY.minusDays(1)));
	}

	@Test
	void aStoredReasonLosesTheStateItEndedWith() {
		assertThat(FindingState.withoutSuffix("x · y · day 3 of 4, since 2026-11-24")).isEqualTo("x · y");
		assertThat(FindingState.withoutSuffix("x · planned: vault reindex (day 2 of 3)")).isEqualTo("x");
		assertThat(FindingState.withoutSuffix("x · day one")).isEqualTo("x · day one");
	}

	@Test
	void aGatewayNotReadHoldsYesterdaysFindingsInsteadOfResolvingThem() {
		PastFinding alert = past(DAY.minusDays(1), "LOGGING_OFF", Severity.ALERT, "spend-log", FindingState.CONTINUING,
				DAY.minusDays(3), 3);
		PastFinding info = past(DAY.minusDays(1), "NEW_WORKLOAD", Severity.INFO, "workload:w", FindingState.NEW,
				DAY.minusDays(1), 1);
		List<Remembered> all = new FindingMemory(DAY, SOURCE, List.of(alert, info), List.of(), true)
			.remember(List.of());
		assertThat(all).extracting(r -> r.detected().kind() + " " + r.detected().severity() + " " + r.state().state())
			.containsExactly("LOGGING_OFF ALERT CONTINUING", "NEW_WORKLOAD INFO CONTINUING");
		Remembered held = all.get(0);
		assertThat(held.id()).isEqualTo("id-spend-log");
		assertThat(held.previousSeverity()).isNull();
		assertThat(held.state()).isEqualTo(new FindingState(FindingState.CONTINUING, DAY.minusDays(3), 4, null, null));
		assertThat(held.reason()).isEqualTo("reason of spend-log" + FindingMemory.HELD + " · day 4, since 2026-11-23");
		assertThat(held.detected().details()).isEqualTo(Map.of("rule", "r"));
	}

	@Test
	void aFindingHeldTwoNightsSaysSoOnceAndWhatIsSeenAgainContinuesAsUsual() {
		PastFinding held = new PastFinding(DAY.minusDays(1), "id-h", "SPIKE", Severity.WATCH, "total", SOURCE,
				List.of("total"), FindingState.CONTINUING, DAY.minusDays(2), 2,
				"r" + FindingMemory.HELD + " · day 2, since 2026-11-24", Map.of());
		PastFinding seen = past(DAY.minusDays(1), "SPIKE", Severity.ALERT, "workload:w", FindingState.NEW,
				DAY.minusDays(1), 1);
		List<Remembered> all = new FindingMemory(DAY, SOURCE, List.of(held, seen), List.of(), true)
			.remember(List.of(SPIKE));
		assertThat(all).hasSize(1).as("today's SPIKE speaks for the total and the workload: one event, continuing");
		assertThat(all.get(0).state().state()).isEqualTo(FindingState.CONTINUING);
		Remembered again = new FindingMemory(DAY, SOURCE, List.of(held), List.of(), true).remember(List.of()).get(0);
		assertThat(again.reason()).isEqualTo("r" + FindingMemory.HELD + " · day 3, since 2026-11-24");
	}

}
