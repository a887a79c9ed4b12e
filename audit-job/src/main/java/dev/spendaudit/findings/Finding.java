package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.Severity;

/**
 * Something a person should know about an audited day, as the digest shows it: a spike, a silent spend log, a
 * retiring key still in use, or one of these resolved since the day before. Every feature's findings take this one
 * shape, so the digest lists them together and the day's status is the worst of them.
 *
 * @param id stable across the nights of one run of the finding (the same spike on its second day has the same id)
 * @param kind what was found, e.g. {@code SPIKE}, {@code LOGGING_OFF}, {@code RETIRING_KEY_ACTIVE}
 * @param subject what it is about: {@code total}, {@code workload:NAME}, {@code model:NAME},
 * {@code workload:NAME/model:NAME}, {@code key:NAME}, {@code plan:NAME}, {@code spend-log}
 * @param source the gateway the finding comes from ({@code default} while there is one)
 * @param actualUsd the day's figure, when money is involved (else null)
 * @param baselineUsd what was expected, when there is a baseline (else null)
 * @param reason one line, in plain numbers, ending with its state across nights ("· day 2, since 2026-11-25")
 * @param details the rule's structured detail as JSON values, with {@code state} (and, once resolved,
 * {@code previousSeverity})
 * @param acknowledged the acknowledgement in force on the day ({@code spend-audit ack}), null when none: an
 * acknowledged finding is shown, marked, but does not raise the day's status
 */
@JsonPropertyOrder({ "id", "kind", "severity", "subject", "source", "actualUsd", "baselineUsd", "reason", "details",
		"acknowledged" })
public record Finding(String id, String kind, Severity severity, String subject, String source, BigDecimal actualUsd,
		BigDecimal baselineUsd, String reason, Map<String, Object> details,
		@JsonInclude(JsonInclude.Include.NON_NULL) Acknowledgement acknowledged) {

	public Finding {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(severity, "severity must not be null");
		Objects.requireNonNull(subject, "subject must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
		details = details == null ? Map.of() : details;
	}

	/** A finding nobody has acknowledged. */
	public Finding(String id, String kind, Severity severity, String subject, String source, BigDecimal actualUsd,
			BigDecimal baselineUsd, String reason, Map<String, Object> details) {
		this(id, kind, severity, subject, source, actualUsd, baselineUsd, reason, details, null);
	}

	/** The same finding, acknowledged (or not, with null). */
	public Finding with(Acknowledgement acknowledgement) {
		return new Finding(id, kind, severity, subject, source, actualUsd, baselineUsd, reason, details,
				acknowledgement);
	}

	/** {@code NEW}, {@code CONTINUING}, {@code PLANNED} or {@code RESOLVED}, from {@code details.state}. */
	public String state() {
		return details.get("state") instanceof Map<?, ?> state && state.get("state") instanceof String s ? s
				: FindingState.NEW;
	}

	public boolean resolved() {
		return FindingState.RESOLVED.equals(state());
	}

	/**
	 * The day's status word for the worst severity among its findings: OK (none above INFO), WATCH or ALERT. A
	 * resolved finding is INFO, so it never raises it; nor does an acknowledged one.
	 */
	public static String status(Collection<Finding> findings) {
		return Severity.status(findings.stream().filter(f -> f.acknowledged() == null).map(Finding::severity).toList());
	}

}
