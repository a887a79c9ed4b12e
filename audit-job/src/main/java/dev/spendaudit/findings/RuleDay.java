package dev.spendaudit.findings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import dev.spendaudit.core.AuditDay;

/**
 * The audited day as a rule sees it: the day and its window, the gateway it is about and the run.
 *
 * @param source the gateway ({@value #DEFAULT_SOURCE} while there is one)
 * @param jobExecutionId the Spring Batch job execution auditing the day
 * @param fleet whether this is the run that also speaks for the whole fleet (the first gateway's)
 */
public record RuleDay(AuditDay day, String source, long jobExecutionId, boolean fleet) {

	/** The name of the one gateway there is until several can be configured. */
	public static final String DEFAULT_SOURCE = "default";

	public RuleDay {
		Objects.requireNonNull(day, "day must not be null");
		Objects.requireNonNull(source, "source must not be null");
	}

	/** The day of the one gateway there is, which speaks for the fleet. */
	public RuleDay(AuditDay day, String source, long jobExecutionId) {
		this(day, source, jobExecutionId, true);
	}

	public LocalDate date() {
		return day.date();
	}

	public ZoneId zone() {
		return day.zone();
	}

}
