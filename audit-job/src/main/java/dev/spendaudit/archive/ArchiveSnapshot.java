package dev.spendaudit.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.WorkloadModel;

/**
 * The store's history as the archive shows it, read once per build.
 *
 * @param days every stored day, oldest first
 * @param workloads each workload's spend per stored day it had calls
 * @param models each workload's models over every stored day
 * @param findings each workload's findings, oldest first
 */
public record ArchiveSnapshot(SortedMap<LocalDate, Day> days, Map<String, SortedMap<LocalDate, BigDecimal>> workloads,
		Map<String, List<WorkloadModel>> models, Map<String, List<FindingStore.Dated>> findings) {

	/** The status of a day that was only rolled up (or not stored): no colour. */
	static final String NONE = "none";

	/**
	 * A stored day.
	 *
	 * @param status OK, WATCH or ALERT for an audited day (the worst finding nobody acknowledged), else none
	 * @param findings its findings that are not RESOLVED
	 */
	public record Day(LocalDate date, BigDecimal usd, boolean audited, String status, int findings) {
	}

	LocalDate newest() {
		return days.isEmpty() ? null : days.lastKey();
	}

	/**
	 * The {@code max} workloads with the most spend over every stored day (then by name): those the archive
	 * writes a page for.
	 */
	Set<String> largest(int max) {
		Set<String> largest = new java.util.LinkedHashSet<>();
		workloads.entrySet().stream()
			.map(e -> Map.entry(e.getKey(), e.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(max)
			.forEach(e -> largest.add(e.getKey()));
		return largest;
	}

	/** The workloads the day changed: those with calls or findings on it. */
	Set<String> workloadsOn(LocalDate date) {
		Set<String> on = new TreeSet<>();
		workloads.forEach((w, series) -> {
			if (series.containsKey(date)) {
				on.add(w);
			}
		});
		findings.forEach((w, found) -> {
			if (found.stream().anyMatch(d -> d.date().equals(date))) {
				on.add(w);
			}
		});
		return on;
	}

}
