package dev.spendaudit.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One audited day as {@code status} shows it ({@code days[]} of {@code schema/status.schema.json}).
 *
 * @param status OK, WATCH or ALERT: the worst of the day's findings nobody acknowledged
 * @param totalUsd metered spend plus the flat-fee plans' fees for the day
 * @param freshness the spend log's freshness verdict that night ({@code OK}, {@code IDLE}, {@code LOGGING_OFF},
 * {@code STALE}), null when it was not checked
 * @param mail {@code SENT}, {@code FAILED}, {@code SENDING} (a send cut short), {@code NOT_SENT} or {@code HELD}
 * (the cadence did not mail the day, deliberately)
 * @param mailedAt when it was mailed (SENT), or when the last attempt started; null when never tried (UTC ISO)
 * @param durationSeconds how long the day's job ran, null when its run is no longer in Spring Batch's tables
 */
@JsonPropertyOrder({ "date", "status", "meteredUsd", "totalUsd", "findings", "freshness", "mail", "mailedAt",
		"durationSeconds" })
public record DayStatus(LocalDate date, String status, BigDecimal meteredUsd, BigDecimal totalUsd,
		FindingCounts findings, String freshness, String mail, String mailedAt, BigDecimal durationSeconds) {

	public static final String NOT_SENT = "NOT_SENT";

	public DayStatus {
		Objects.requireNonNull(date, "date must not be null");
		Objects.requireNonNull(status, "status must not be null");
		Objects.requireNonNull(findings, "findings must not be null");
		Objects.requireNonNull(mail, "mail must not be null");
	}

	/**
	 * The day's findings by severity (every one, acknowledged or not; a RESOLVED one counts as the INFO it is),
	 * and how many of them are acknowledged.
	 */
	@JsonPropertyOrder({ "alert", "watch", "info", "acknowledged" })
	public record FindingCounts(int alert, int watch, int info, int acknowledged) {
	}

}
