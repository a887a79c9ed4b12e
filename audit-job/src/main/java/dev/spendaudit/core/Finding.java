package dev.spendaudit.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Something a person should know about an audited day: a spike, a silent spend log, a retiring key still in use.
 * Every feature reports its findings in this one shape, so the digest lists them together and the day's status is
 * the worst of them.
 *
 * @param kind what was found, e.g. {@code SPIKE}, {@code LOGGING_OFF}, {@code RETIRING_KEY_ACTIVE}
 * @param subject what it is about: {@code total}, {@code workload:NAME}, {@code model:NAME},
 * {@code workload:NAME/model:NAME}, {@code key:NAME}, {@code spend-log}
 * @param actualUsd the day's figure, when money is involved (else null)
 * @param baselineUsd what was expected, when there is a baseline (else null)
 * @param reason one line, in plain numbers
 * @param details optional structured detail for the JSON and the digest (an explanation, hours affected...)
 */
public record Finding(String kind, Severity severity, String subject, BigDecimal actualUsd, BigDecimal baselineUsd,
		String reason, Object details) {

	public Finding {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(severity, "severity must not be null");
		Objects.requireNonNull(subject, "subject must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
	}

	public static Finding of(String kind, Severity severity, String subject, BigDecimal actualUsd,
			BigDecimal baselineUsd, String reason) {
		return new Finding(kind, severity, subject, actualUsd, baselineUsd, reason, null);
	}

	public Finding withDetails(Object newDetails) {
		return new Finding(kind, severity, subject, actualUsd, baselineUsd, reason, newDetails);
	}

}
