package dev.spendaudit.staleness;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whole UTC hours {@code [from, to)} in which the spend log has no rows.
 */
public record HourRange(LocalDateTime from, LocalDateTime to) {

	public long hours() {
		return Duration.between(from, to).toHours();
	}

	/**
	 * The hours of the candidate intervals that have no rows, merged into ranges, oldest first. Intervals are cut
	 * to whole hours; {@code notAfter} cuts them off (no silent hours in the future).
	 */
	static List<HourRange> silent(Collection<Interval> candidates, Set<LocalDateTime> hoursWithRows,
			LocalDateTime notAfter) {
		TreeSet<LocalDateTime> silent = new TreeSet<>();
		for (Interval interval : candidates) {
			LocalDateTime end = interval.to().isAfter(notAfter) ? notAfter : interval.to();
			for (LocalDateTime h = ceilHour(interval.from()); !h.plusHours(1).isAfter(end); h = h.plusHours(1)) {
				if (!hoursWithRows.contains(h)) {
					silent.add(h);
				}
			}
		}
		List<HourRange> ranges = new ArrayList<>();
		LocalDateTime start = null;
		LocalDateTime previous = null;
		for (LocalDateTime h : silent) {
			if (start == null) {
				start = h;
			}
			else if (!h.equals(previous.plusHours(1))) {
				ranges.add(new HourRange(start, previous.plusHours(1)));
				start = h;
			}
			previous = h;
		}
		if (start != null) {
			ranges.add(new HourRange(start, previous.plusHours(1)));
		}
		return ranges;
	}

	static LocalDateTime ceilHour(LocalDateTime t) {
		LocalDateTime floor = t.truncatedTo(ChronoUnit.HOURS);
		return floor.equals(t) ? t : floor.plusHours(1);
	}

	/** A time interval {@code [from, to)} (UTC wall-clock). */
	record Interval(LocalDateTime from, LocalDateTime to) {
	}

}
