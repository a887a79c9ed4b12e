package dev.spendaudit.baseline;

import dev.spendaudit.core.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every detection threshold ({@code spend-audit.detection.*}). The defaults are the method in
 * {@code shared/docs/anchors.md} §4, tuned for a homelab spending about $0.30 a day.
 *
 * @param windowDays closed days before the audited day whose median is the baseline
 * @param minHistoryDays days a series must have existed before its baseline may raise an ALERT; a younger
 * series (1 to 6 days) is compared with the median of the days it has, and can only reach WATCH
 * @param unpricedSeverity how loudly tokens-without-spend on an uncovered, non-free model speak
 * @param topContributors contributors listed per dimension in a spike's explanation
 * @param topRequests most expensive requests listed in a spike's explanation
 * @param newWorkloadBurst more new workloads than this on one day (a client minting a key per call) are one
 * NEW_WORKLOAD finding for the lot, naming the largest, instead of one finding each
 * @param drillDowns the day's spikes (loudest, then largest excess first) whose own requests are read from the
 * source for their explanation (median call, top requests); the rest are explained from the stored facts alone
 */
@ConfigurationProperties(prefix = "spend-audit.detection", ignoreUnknownFields = false)
public record DetectionSettings(@DefaultValue("28") int windowDays, @DefaultValue("7") int minHistoryDays,
		@DefaultValue Spread spread, @DefaultValue Alert alert, @DefaultValue Watch watch, @DefaultValue Drift drift,
		@DefaultValue Budget budget, @DefaultValue Unattributed unattributed,
		@DefaultValue("WATCH") Severity unpricedSeverity, @DefaultValue("3") int topContributors,
		@DefaultValue("5") int topRequests, @DefaultValue("10") int newWorkloadBurst,
		@DefaultValue("10") int drillDowns) {

	public DetectionSettings {
		if (windowDays < 7) {
			throw new IllegalArgumentException("spend-audit.detection.window-days must be at least 7");
		}
		if (minHistoryDays < 1 || minHistoryDays > windowDays) {
			throw new IllegalArgumentException("spend-audit.detection.min-history-days must be 1.." + windowDays);
		}
		if (newWorkloadBurst < 1) {
			throw new IllegalArgumentException(
					"spend-audit.detection.new-workload-burst must be at least 1, not " + newWorkloadBurst);
		}
		if (drillDowns < 0) {
			throw new IllegalArgumentException(
					"spend-audit.detection.drill-downs must be 0 or more, not " + drillDowns);
		}
	}

	/** The defaults, bound exactly as Spring binds an empty configuration (one source of truth: the annotations). */
	public static DetectionSettings defaults() {
		return new Binder().bindOrCreate("spend-audit.detection", DetectionSettings.class);
	}

	/** Days of history detection needs before the audited day: the drift rule's 7 days plus its 28-day base. */
	public int lookbackDays() {
		return drift.days() + windowDays;
	}

	/**
	 * The spread floor: {@code σ = max(madScale·MAD, relativeFloor·b, floorUsd)}, so a flat or idle history (MAD 0)
	 * never divides by zero and a steady series is not alarmed by a small wobble.
	 */
	public record Spread(@DefaultValue("1.4826") double madScale, @DefaultValue("0.25") double relativeFloor,
			@DefaultValue("0.05") double floorUsd) {
	}

	/** ALERT when all three hold: {@code e ≥ excessUsd}, {@code x ≥ ratio·b} and {@code z ≥ z}. */
	public record Alert(@DefaultValue("5.00") double excessUsd, @DefaultValue("3") double ratio,
			@DefaultValue("4") double z) {
	}

	/** WATCH when {@code e ≥ excessUsd} and {@code z ≥ z}. */
	public record Watch(@DefaultValue("1.00") double excessUsd, @DefaultValue("3") double z) {
	}

	/**
	 * Slow drift: {@code S7} (the last {@code days} days) against {@code B7 = days·median} of the
	 * {@code windowDays} days before them. ALERT when {@code S7 − B7 ≥ excessUsd} and {@code S7 ≥ ratio·B7}.
	 */
	public record Drift(@DefaultValue("7") int days, @DefaultValue("10.00") double excessUsd,
			@DefaultValue("2") double ratio) {
	}

	/**
	 * Budget projection: spend so far plus the mean of the last {@code paceDays} days for every day left until
	 * the key's next reset; a key that never resets is projected {@code horizonDaysWithoutReset} days ahead.
	 */
	public record Budget(@DefaultValue("0.80") double watchShare, @DefaultValue("1.00") double alertShare,
			@DefaultValue("7") int paceDays, @DefaultValue("30") int horizonDaysWithoutReset) {
	}

	/** UNATTRIBUTED (WATCH) when more than {@code share} of the day's spend, and at least {@code minUsd}, has no alias. */
	public record Unattributed(@DefaultValue("0.05") double share, @DefaultValue("0.10") double minUsd) {
	}

}
