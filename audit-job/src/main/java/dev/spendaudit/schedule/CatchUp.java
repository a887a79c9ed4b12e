package dev.spendaudit.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for which days a run without a date audits, for {@code run} and for every {@code schedule} fire:
 * every closed day since the last audited one, oldest first, at most {@code catchUpDays} before yesterday. A day
 * that is only rolled up as history is not audited; neither is an audited day whose latest run did not complete
 * (it failed, was stopped by a signal or crashed after writing its digest): that day is due again, and its
 * instance is restarted. A store with no audited day audits yesterday only (the history step rolls up the days
 * before it). Yesterday already audited: nothing is due.
 */
public final class CatchUp {

	/** What the rule asks the store. */
	public interface Days {

		/** The newest audited day on or before {@code date}, if any. */
		Optional<LocalDate> lastAudited(LocalDate date);

		/** Whether the day's latest run did not complete. */
		boolean leftUnfinished(LocalDate date);

	}

	private CatchUp() {
	}

	/** The days due when {@code yesterday} is the newest closed day, oldest first; empty when it is audited. */
	public static List<LocalDate> due(LocalDate yesterday, int catchUpDays, Days days) {
		LocalDate earliest = yesterday.minusDays(catchUpDays);
		Optional<LocalDate> last = days.lastAudited(yesterday);
		LocalDate oldestUnfinished = null;
		while (last.isPresent() && !last.get().isBefore(earliest) && days.leftUnfinished(last.get())) {
			oldestUnfinished = last.get();
			last = days.lastAudited(last.get().minusDays(1));
		}
		LocalDate first;
		if (last.isPresent()) {
			first = last.get().plusDays(1).isAfter(earliest) ? last.get().plusDays(1) : earliest;
		}
		else {
			first = oldestUnfinished != null ? oldestUnfinished : yesterday;
		}
		List<LocalDate> due = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(yesterday); d = d.plusDays(1)) {
			due.add(d);
		}
		return due;
	}

}
