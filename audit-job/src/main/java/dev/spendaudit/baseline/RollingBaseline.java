package dev.spendaudit.baseline;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * A series' expected day: the median of its history and the median absolute deviation around it. Both are robust:
 * a single huge past day moves neither, so last month's spike does not hide this month's.
 *
 * @param median {@code b}, the median of the history (0 for a series with no history)
 * @param mad {@code median(|x − b|)} (Commons Math has no MAD class; this is the textbook definition)
 * @param days how many days the history held
 */
public record RollingBaseline(double median, double mad, int days) {

	/** A series with no history at all: a new series counts from a zero baseline. */
	public static final RollingBaseline NONE = new RollingBaseline(0, 0, 0);

	public static RollingBaseline of(double[] history) {
		if (history.length == 0) {
			return NONE;
		}
		double median = median(history);
		double[] deviations = Arrays.stream(history).map(x -> Math.abs(x - median)).toArray();
		return new RollingBaseline(median, median(deviations), history.length);
	}

	/** Commons Math's median: the middle value, or the mean of the two middle values for an even count. */
	static double median(double[] values) {
		return values.length == 0 ? 0 : new Median().evaluate(values);
	}

	/** {@code σ = max(madScale·MAD, relativeFloor·b, floorUsd)}. */
	public double spread(DetectionSettings.Spread floors) {
		return Math.max(Math.max(floors.madScale() * mad, floors.relativeFloor() * median), floors.floorUsd());
	}

	public boolean isEmpty() {
		return days == 0;
	}

}
