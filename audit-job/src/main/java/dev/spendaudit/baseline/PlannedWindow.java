package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Days a person said a workload's spend is expected ({@code spend-audit.planned[]}): shown as planned, never an
 * ALERT, and left out of later baselines.
 *
 * @param workload the workload (key alias) the window is for
 * @param from first planned day (in {@code spend-audit.zone})
 * @param to last planned day, inclusive (defaults to {@code from})
 * @param note why, shown in the digest
 * @param source the gateway whose workload it is, or null for the workload on every gateway
 */
public record PlannedWindow(String workload, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String note, String source) {

	public PlannedWindow {
		if (workload == null || workload.isBlank()) {
			throw new IllegalArgumentException("spend-audit.planned[].workload is required");
		}
		Objects.requireNonNull(from, "spend-audit.planned[].from is required");
		to = to == null ? from : to;
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("spend-audit.planned[] for " + workload + ": 'to' is before 'from'");
		}
		note = note == null ? "" : note.trim();
		source = source == null || source.isBlank() ? null : source.trim();
	}

	/** Whether the window is for the workloads of this gateway (a window without a source is for every one). */
	public boolean appliesTo(String gateway) {
		return source == null || source.equals(gateway);
	}

	public boolean covers(String workloadName, LocalDate day) {
		return workload.equals(workloadName) && !day.isBefore(from) && !day.isAfter(to);
	}

	/** 1 for the window's first day. */
	public int dayOf(LocalDate day) {
		return (int) (day.toEpochDay() - from.toEpochDay()) + 1;
	}

	public int length() {
		return dayOf(to);
	}

}
