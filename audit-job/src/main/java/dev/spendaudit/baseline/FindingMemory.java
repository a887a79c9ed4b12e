package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.util.List;

/**
 * A finding's state across nights, from the findings stored for the days around it: continuing when the day
 * before had the same event (same kind, an overlapping subject), planned inside a planned window, else new.
 */
final class FindingMemory {

	private final LocalDate day;

	private final List<FindingStore.Past> yesterday;

	private final List<FindingStore.Past> later;

	/**
	 * @param yesterday the findings stored for the day before
	 * @param later the findings stored for later days (when a past day is rerun), oldest first
	 */
	FindingMemory(LocalDate day, List<FindingStore.Past> yesterday, List<FindingStore.Past> later) {
		this.day = day;
		this.yesterday = yesterday;
		this.later = later;
	}

	FindingState stateOf(Draft draft) {
		if (draft.planned() != null) {
			PlannedWindow w = draft.planned();
			return new FindingState(FindingState.PLANNED, w.from(), w.dayOf(day), w.length(), w.note());
		}
		FindingStore.Past before = yesterday.stream().filter(p -> p.sameEvent(draft.kind(), draft.group()))
			.findFirst().orElse(null);
		LocalDate since = before != null ? before.since() : day;
		int dayOfRun = before != null ? before.dayOfRun() + 1 : 1;
		int after = daysAfter(draft);
		return new FindingState(before != null ? FindingState.CONTINUING : FindingState.NEW, since, dayOfRun,
				after > 0 ? dayOfRun + after : null, null);
	}

	/** Consecutive later days already stored with the same event. */
	private int daysAfter(Draft draft) {
		int n = 0;
		for (LocalDate d = day.plusDays(1);; d = d.plusDays(1)) {
			LocalDate date = d;
			if (later.stream().noneMatch(p -> p.day().equals(date) && p.sameEvent(draft.kind(), draft.group()))) {
				return n;
			}
			n++;
		}
	}

}
