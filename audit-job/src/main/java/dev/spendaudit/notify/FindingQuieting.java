package dev.spendaudit.notify;

import java.time.LocalDate;

import dev.spendaudit.findings.Finding;

/**
 * The one question the webhooks ask before pushing a finding: has a person quieted it (acknowledged it, until it
 * ends or until a date)? A quieted finding stays in the day's JSON and digest but is never pushed. Without a bean
 * of this type, a finding is quieted when it was stored acknowledged ({@code ack}).
 */
@FunctionalInterface
public interface FindingQuieting {

	/** Nothing is quieted. */
	FindingQuieting NONE = (finding, day) -> false;

	/** A finding the night stored acknowledged ({@code spend-audit ack}) is quieted. */
	FindingQuieting ACKNOWLEDGED = (finding, day) -> finding.acknowledged() != null;

	/** Whether {@code finding}, as stored for {@code day}, must not be pushed. */
	boolean quieted(Finding finding, LocalDate day);

}
