package dev.spendaudit.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Acknowledgement;

/**
 * A finding still open on the newest audited day (not RESOLVED), with the stable id {@code ack} takes: the same
 * {@code id} the finding carries in the day's JSON.
 *
 * @param lastSeen the newest audited day, which has it
 * @param state {@code NEW}, {@code CONTINUING} or {@code PLANNED}
 * @param since the first day of its run
 * @param acknowledged the acknowledgement in force that day, null when none
 */
@JsonPropertyOrder({ "id", "kind", "severity", "subject", "source", "state", "since", "lastSeen", "actualUsd",
		"reason", "acknowledged" })
public record OpenFinding(String id, String kind, Severity severity, String subject, String source, String state,
		LocalDate since, LocalDate lastSeen, BigDecimal actualUsd, String reason, Acknowledgement acknowledged) {
}
