package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.spendaudit.core.Severity;

/**
 * What a rule found about the audited day, before the pipeline gives it its memory, its id and its place in the
 * day's order.
 *
 * @param details the rule's structured detail (a record, written as JSON), or null
 * @param group every subject this finding speaks for (itself and the related subjects folded into it), so a later
 * night recognises the same event on any of them
 * @param planned the planned window the finding falls in, or null
 */
public record Detected(String kind, Severity severity, String subject, BigDecimal actualUsd, BigDecimal baselineUsd,
		String reason, Object details, List<String> group, Planned planned) {

	public Detected {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(severity, "severity must not be null");
		Objects.requireNonNull(subject, "subject must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
		group = group == null || group.isEmpty() ? List.of(subject) : List.copyOf(group);
	}

	/** A finding about one subject, outside any planned window. */
	public static Detected of(String kind, Severity severity, String subject, BigDecimal actualUsd,
			BigDecimal baselineUsd, String reason, Object details) {
		return new Detected(kind, severity, subject, actualUsd, baselineUsd, reason, details, List.of(subject), null);
	}

	/**
	 * Days a person said the spend is expected: a finding inside them is PLANNED, day N of the window.
	 *
	 * @param to the last day, inclusive
	 */
	public record Planned(LocalDate from, LocalDate to, String note) {

		int dayOf(LocalDate day) {
			return (int) (day.toEpochDay() - from.toEpochDay()) + 1;
		}

		int length() {
			return dayOf(to);
		}

	}

}
