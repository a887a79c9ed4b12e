package dev.spendaudit.schedule;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule for the days a run without a date audits, on a store described by hand.
 */
class CatchUpTests {

	static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 29);

	@Test
	void aStoreWithNoAuditedDayAuditsYesterdayOnly() {
		assertThat(CatchUp.due(YESTERDAY, 7, store(Set.of(), Set.of()))).containsExactly(YESTERDAY);
	}

	@Test
	void everyDaySinceTheLastAuditedOneOldestFirst() {
		assertThat(CatchUp.due(YESTERDAY, 7, store(Set.of(day(26)), Set.of()))).containsExactly(day(27), day(28),
				day(29));
	}

	@Test
	void yesterdayAuditedMeansNothingIsDue() {
		assertThat(CatchUp.due(YESTERDAY, 7, store(Set.of(day(26), day(29)), Set.of()))).isEmpty();
	}

	@Test
	void atMostCatchUpDaysBeforeYesterday() {
		assertThat(CatchUp.due(YESTERDAY, 2, store(Set.of(day(10)), Set.of()))).containsExactly(day(27), day(28),
				day(29));
		assertThat(CatchUp.due(YESTERDAY, 0, store(Set.of(day(10)), Set.of()))).containsExactly(day(29));
	}

	@Test
	void anAuditedDayWhoseLastRunDidNotCompleteIsDueAgain() {
		// the 28th wrote its digest, then its mail failed (or a SIGTERM stopped it): it is restarted
		assertThat(CatchUp.due(YESTERDAY, 7, store(Set.of(day(26), day(28)), Set.of(day(28))))).containsExactly(day(27),
				day(28), day(29));
		assertThat(CatchUp.due(YESTERDAY, 7, store(Set.of(day(29)), Set.of(day(29))))).containsExactly(day(29));
	}

	@Test
	void aDayAuditedAfterYesterdayDoesNotHideYesterday() {
		// someone audited today's (unclosed) date by hand: yesterday is still due
		assertThat(CatchUp.due(YESTERDAY, 7, store(Set.of(day(28), day(30)), Set.of()))).containsExactly(day(29));
	}

	static LocalDate day(int november) {
		return LocalDate.of(2026, 11, november);
	}

	static CatchUp.Days store(Set<LocalDate> audited, Set<LocalDate> unfinished) {
		TreeSet<LocalDate> days = new TreeSet<>(audited);
		return new CatchUp.Days() {

			@Override
			public Optional<LocalDate> lastAudited(LocalDate date) {
				return Optional.ofNullable(days.floor(date));
			}

			@Override
			public boolean leftUnfinished(LocalDate date) {
				return unfinished.contains(date);
			}

		};
	}

}
