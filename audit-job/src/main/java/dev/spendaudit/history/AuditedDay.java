package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A day its own job audited (not only rolled up), as the store keeps it.
 *
 * @param auditedAt when the day's job wrote its digest (UTC)
 * @param jobExecutionId the Spring Batch job execution that did; null for a day audited before the store kept it
 * @param meteredUsd the day's metered spend, summed over its stored groups
 */
public record AuditedDay(LocalDate date, LocalDateTime auditedAt, Long jobExecutionId, BigDecimal meteredUsd) {

	public AuditedDay {
		Objects.requireNonNull(date, "date must not be null");
		Objects.requireNonNull(meteredUsd, "meteredUsd must not be null");
	}

}
