package dev.spendaudit.notify;

import java.time.LocalDate;

import dev.spendaudit.findings.Finding;

/**
 * The one question the webhooks ask before pushing a finding: has a person quieted it (acknowledged it, until it
 * ends or until a date)? A quieted finding stays in the day's JSON and digest but is never pushed. Without a bean
 * of this type nothing is quieted.
 */
@FunctionalInterface
public interface FindingQuieting {

	/** Nothing is quieted. */
	FindingQuieting NONE = (finding, day) -> false;

	/** Whether {@code finding}, as stored for {@code day}, must not be pushed. */
	boolean quieted(Finding finding, LocalDate day);

}
