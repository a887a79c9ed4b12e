package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;

/**
 * One of the {@code missedDays[]} of a catch-up's newest digest: another day audited in the same run because no
 * audit ran on it (the host was down, the timer stopped), and what it found.
 *
 * @param status OK, WATCH or ALERT: the worst of the day's findings
 * @param meteredUsd the day's metered spend, exact
 * @param findings how many findings of each severity the day has ({@code ALERT}, {@code WATCH}, {@code INFO})
 * @param worst the day's first findings in the day's order, for the HTML and text (not in the JSON)
 */
@JsonPropertyOrder({ "date", "status", "meteredUsd", "findings" })
public record MissedDay(LocalDate date, String status, BigDecimal meteredUsd, Map<String, Long> findings,
		@JsonIgnore List<Finding> worst) {

	/** The digest field's name. */
	static final String FIELD = "missedDays";

	/** How many of a missed day's findings the mail names. */
	static final int NAMED = 3;

	static MissedDay of(LocalDate date, BigDecimal meteredUsd, List<Finding> findings) {
		Map<String, Long> bySeverity = new LinkedHashMap<>();
		for (Severity s : List.of(Severity.ALERT, Severity.WATCH, Severity.INFO)) {
			bySeverity.put(s.name(), findings.stream().filter(f -> f.severity() == s).count());
		}
		List<Finding> worst = findings.stream()
			.filter(f -> f.severity() != Severity.INFO)
			.limit(NAMED)
			.toList();
		return new MissedDay(date, Finding.status(findings), DigestAssembler.exact(meteredUsd), bySeverity, worst);
	}

	/** The day as printed: {@code 2026-11-27}. */
	public String day() {
		return date.toString();
	}

	/** Findings beyond the named ones, of any severity. */
	public long more() {
		return findings.values().stream().mapToLong(Long::longValue).sum() - worst.size();
	}

}
