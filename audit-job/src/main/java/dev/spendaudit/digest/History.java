package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.spendaudit.history.HistoryReader;

/**
 * Metered spend of the stored days up to and including {@code date}, in total and by workload, as the history
 * keeps them (audited and rolled-up days alike). Days that are not stored are absent, not zero.
 */
record History(LocalDate date, SortedMap<LocalDate, BigDecimal> dailyUsd,
		Map<String, SortedMap<LocalDate, BigDecimal>> workloadUsd) {

	/** Days shown in the charts: the audited day and the 29 before it. */
	static final int CHART_DAYS = 30;

	/** Days read: the audited day and the 30 before it, for the comparisons (the day before, 7 and 30 days). */
	static final int DAYS = 31;

	/** The audited day's history, from the store. */
	static History load(HistoryReader history, LocalDate date) {
		LocalDate from = date.minusDays(DAYS - 1);
		SortedMap<LocalDate, BigDecimal> daily = new TreeMap<>();
		history.dailyUsd(from, date).forEach((day, usd) -> daily.put(day, DigestAssembler.exact(usd)));
		Map<String, SortedMap<LocalDate, BigDecimal>> byWorkload = new TreeMap<>();
		history.workloadUsd(from, date).forEach((workload, series) -> {
			SortedMap<LocalDate, BigDecimal> exact = new TreeMap<>();
			series.forEach((day, usd) -> exact.put(day, DigestAssembler.exact(usd)));
			byWorkload.put(workload, exact);
		});
		return new History(date, daily, byWorkload);
	}

	SpendComparison comparison() {
		LocalDate before = date.minusDays(1);
		BigDecimal previous = dailyUsd.get(before);
		return new SpendComparison(previous == null ? null : new SpendComparison.PreviousDay(before, previous),
				window(7), window(30));
	}

	private SpendComparison.Window window(int days) {
		LocalDate from = date.minusDays(days);
		LocalDate to = date.minusDays(1);
		List<BigDecimal> values = new ArrayList<>(dailyUsd.subMap(from, date).values());
		BigDecimal average = values.isEmpty() ? null
				: DigestAssembler.exact(values.stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64));
		return new SpendComparison.Window(from, to, values.size(), average);
	}

	/** The chart's days, oldest first. */
	List<LocalDate> chartDays() {
		List<LocalDate> days = new ArrayList<>(CHART_DAYS);
		for (int i = CHART_DAYS - 1; i >= 0; i--) {
			days.add(date.minusDays(i));
		}
		return days;
	}

	boolean audited(LocalDate day) {
		return dailyUsd.containsKey(day);
	}

	/** A workload's spend on a day: zero on an audited day it had none, null on a day that was not audited. */
	BigDecimal workloadUsd(String workload, LocalDate day) {
		if (!audited(day)) {
			return null;
		}
		return workloadUsd.getOrDefault(workload, Collections.emptySortedMap()).getOrDefault(day, BigDecimal.ZERO);
	}

	/** A workload's total over the chart's days. */
	BigDecimal chartTotal(String workload) {
		return workloadUsd.getOrDefault(workload, Collections.emptySortedMap())
			.subMap(date.minusDays(CHART_DAYS - 1), date.plusDays(1))
			.values()
			.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	int auditedChartDays() {
		return dailyUsd.subMap(date.minusDays(CHART_DAYS - 1), date.plusDays(1)).size();
	}

}
