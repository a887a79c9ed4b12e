package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dev.spendaudit.core.Severity;
import dev.spendaudit.source.RowGap;

/**
 * The freshness check of one audited day, as stored and shown.
 *
 * @param windowStart the end of the day minus {@code gap-window}: where the longest gap is looked for
 * @param windowEnd the end of the audited day: every age is measured from here
 * @param newestRow the newest spend-log row before the end of the day (null when none)
 * @param newestRowAtRun the newest row at run time
 * @param longestGap the longest gap between consecutive rows in the window (null with fewer than two rows)
 * @param gaps traffic an independent signal saw and the log did not
 * @param silentHours hours with no rows in the periods where traffic went unlogged
 * @param canary null unless a canary key is configured
 */
public record FreshnessResult(LocalDate date, FreshnessStatus status, Severity severity, Signal signal,
		LocalDateTime windowStart, LocalDateTime windowEnd, LocalDateTime newestRow, BigDecimal ageHours,
		LocalDateTime newestRowAtRun, BigDecimal ageHoursAtRun, LocalDateTime checkedAt, RowGap longestGap,
		BigDecimal maxGapHours, List<CaptureGap> gaps, List<HourRange> silentHours, CanaryCheck canary,
		String explanation) {

	/** Successful requests with no row (null when only counters were compared). */
	public Long uncapturedRequests() {
		if (gaps.stream().anyMatch(g -> g.uncapturedRequests() == null)) {
			return null;
		}
		return gaps.stream().mapToLong(CaptureGap::uncapturedRequests).sum();
	}

	public BigDecimal uncapturedUsd() {
		return gaps.stream().map(CaptureGap::uncapturedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
