package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every series' daily figures over the lookback ending on the audited day: the total, each workload, model,
 * workload × model and provider. Days with no rows are zero. Spend inside a planned window is part of its
 * workload's series (and marked, so baselines skip the day) but set aside from the total, model and provider
 * series, whose other workloads' days still count.
 */
final class SpendHistory {

	private final LocalDate day;

	private final int lookback;

	private final Map<Subject, Series> series = new LinkedHashMap<>();

	private final double[] setAside;

	private SpendHistory(LocalDate day, int lookback) {
		this.day = day;
		this.lookback = lookback;
		this.setAside = new double[lookback + 1];
	}

	/**
	 * @param day the audited day, the last of the series
	 * @param lookback days of history before it
	 */
	static SpendHistory of(LocalDate day, int lookback, Collection<DayRow> rows, List<PlannedWindow> planned) {
		return of(day, lookback, rows, planned, true);
	}

	/** The total series alone (no workload, model or provider series): the fleet's total over several gateways. */
	static SpendHistory totalOf(LocalDate day, int lookback, Collection<DayRow> rows, List<PlannedWindow> planned) {
		return of(day, lookback, rows, planned, false);
	}

	private static SpendHistory of(LocalDate day, int lookback, Collection<DayRow> rows, List<PlannedWindow> planned,
			boolean detailed) {
		SpendHistory h = new SpendHistory(day, lookback);
		h.series(Subject.TOTAL);
		for (DayRow r : rows) {
			int i = h.offset(r.date());
			if (i < 0 || i > lookback) {
				continue;
			}
			PlannedWindow window = planned.stream().filter(p -> p.covers(r.workload(), r.date())).findFirst()
				.orElse(null);
			if (detailed) {
				h.series(Subject.workload(r.workload())).add(i, r, window);
				h.series(Subject.pair(r.workload(), r.model())).add(i, r, window);
			}
			if (window != null) {
				h.setAside[i] += r.usd().doubleValue();
				continue;
			}
			h.series(Subject.TOTAL).add(i, r, null);
			if (detailed) {
				h.series(Subject.model(r.model())).add(i, r, null);
				h.series(Subject.provider(r.provider())).add(i, r, null);
			}
		}
		return h;
	}

	LocalDate day() {
		return day;
	}

	/** The offset of the audited day (offsets run from 0, the first day of the lookback). */
	int today() {
		return lookback;
	}

	int offset(LocalDate date) {
		return (int) (date.toEpochDay() - day.minusDays(lookback).toEpochDay());
	}

	LocalDate date(int offset) {
		return day.minusDays(lookback - offset);
	}

	Collection<Series> all() {
		return series.values();
	}

	Series get(Subject subject) {
		return series.get(subject);
	}

	/** Planned spend set aside from the total on a day. */
	double setAside(int offset) {
		return setAside[offset];
	}

	private Series series(Subject subject) {
		return series.computeIfAbsent(subject, s -> new Series(s, lookback + 1));
	}

	/** One subject's figures per day. */
	static final class Series {

		final Subject subject;

		final double[] usd;

		/** The same spend as exact sums of the stored values, for the figures a finding shows. */
		final BigDecimal[] exact;

		final double[] requests;

		final double[] prompt;

		final double[] completion;

		final boolean[] present;

		/** The planned window covering the day, for workload series; null elsewhere. */
		final PlannedWindow[] planned;

		Series(Subject subject, int days) {
			this.subject = subject;
			this.usd = new double[days];
			this.exact = new BigDecimal[days];
			java.util.Arrays.fill(exact, BigDecimal.ZERO);
			this.requests = new double[days];
			this.prompt = new double[days];
			this.completion = new double[days];
			this.present = new boolean[days];
			this.planned = new PlannedWindow[days];
		}

		void add(int i, DayRow r, PlannedWindow window) {
			exact[i] = exact[i].add(r.usd());
			usd[i] = exact[i].doubleValue();
			requests[i] += r.requests();
			prompt[i] += r.promptTokens();
			completion[i] += r.completionTokens();
			present[i] = true;
			if (window != null) {
				planned[i] = window;
			}
		}

		double tokens(int i) {
			return prompt[i] + completion[i];
		}

		/** The first day before {@code before} with any rows, or -1. */
		int firstSeenBefore(int before) {
			for (int i = 0; i < before; i++) {
				if (present[i]) {
					return i;
				}
			}
			return -1;
		}

		/** The days in {@code [from, to)} that belong in a baseline: the series existed and the day was not planned. */
		int[] baselineDays(int from, int to) {
			int first = firstSeenBefore(to);
			if (first < 0) {
				return new int[0];
			}
			return java.util.stream.IntStream.range(Math.max(from, first), to).filter(i -> planned[i] == null)
				.toArray();
		}

		static double[] pick(double[] values, int[] days) {
			double[] picked = new double[days.length];
			for (int k = 0; k < days.length; k++) {
				picked[k] = values[days[k]];
			}
			return picked;
		}

		/** The day's spend, exact, without trailing zeros. */
		BigDecimal exactUsd(int i) {
			return exact[i].signum() == 0 ? BigDecimal.ZERO : exact[i].stripTrailingZeros();
		}

	}

}
