package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.util.List;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingMemoryTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final Draft SPIKE = new Draft("SPIKE", Severity.ALERT, "workload:w/model:m", null, null, "reason", null,
			List.of("workload:w/model:m", "total", "workload:w"), null, null);

	@Test
	void aFindingTheDayBeforeDidNotHaveIsNew() {
		FindingState s = new FindingMemory(DAY, List.of(), List.of()).stateOf(SPIKE);
		assertThat(s).isEqualTo(new FindingState(FindingState.NEW, DAY, 1, null, null));
		assertThat(s.suffix()).isEmpty();
	}

	@Test
	void theSameEventSeenOnAnotherSubjectTheDayBeforeContinues() {
		// yesterday the headline was the total; today's finding speaks for the total too
		FindingStore.Past yesterday = new FindingStore.Past(DAY.minusDays(1), "SPIKE", "total", List.of("total"),
				DAY.minusDays(2), 2);
		FindingState s = new FindingMemory(DAY, List.of(yesterday), List.of()).stateOf(SPIKE);
		assertThat(s).isEqualTo(new FindingState(FindingState.CONTINUING, DAY.minusDays(2), 3, null, null));
		assertThat(s.suffix()).isEqualTo(" · day 3, since 2026-11-24");
	}

	@Test
	void anotherKindIsAnotherEvent() {
		FindingStore.Past drift = new FindingStore.Past(DAY.minusDays(1), "DRIFT", "total", List.of("total"),
				DAY.minusDays(1), 1);
		assertThat(new FindingMemory(DAY, List.of(drift), List.of()).stateOf(SPIKE).state()).isEqualTo("NEW");
	}

	@Test
	void aRerunPastDayCountsTheLaterDaysAlreadyStored() {
		List<FindingStore.Past> later = List.of(
				new FindingStore.Past(DAY.plusDays(1), "SPIKE", "workload:w", List.of("workload:w"), DAY, 2),
				new FindingStore.Past(DAY.plusDays(3), "SPIKE", "workload:w", List.of("workload:w"), DAY.plusDays(3), 1));
		FindingState s = new FindingMemory(DAY, List.of(), later).stateOf(SPIKE);
		assertThat(s.suffix()).as("the gap on day +2 ends the run").isEqualTo(" · day 1 of 2, since 2026-11-26");
	}

	@Test
	void aPlannedWindowSaysWhichDayOfItThisIs() {
		Draft planned = new Draft("SPIKE", Severity.INFO, "workload:w/model:m", null, null, "reason", null,
				List.of("workload:w/model:m"), null, new PlannedWindow("w", DAY.minusDays(1), DAY.plusDays(1), "reindex"));
		FindingState s = new FindingMemory(DAY, List.of(), List.of()).stateOf(planned);
		assertThat(s.suffix()).isEqualTo(" · planned: reindex (day 2 of 3)");
	}

}
