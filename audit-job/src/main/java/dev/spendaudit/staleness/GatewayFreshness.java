package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.history.StoredDay;

/**
 * One gateway's freshness on an audited day, from what its read stored: its newest spend-log row before the day's
 * end and that row's age at the end of the day, against {@code freshness.warn-age} and {@code error-age}. A gateway
 * that stopped logging while the others go on is named by this, where the fleet's newest row would hide it.
 *
 * @param status {@code OK}, {@code STALE} (silent at least {@code warn-age}) or {@code MISSING} (not read)
 * @param newestRow the newest row before the day's end (UTC, ISO-8601), null when none or not read
 * @param ageHours its age at the end of the day, null when none or not read
 */
public record GatewayFreshness(String status, String newestRow, BigDecimal ageHours) {

	/** The gateway's freshness on the stored day; {@code missing} holds the gateways not read, with why. */
	public static GatewayFreshness of(StoredDay day, String gateway, Map<String, String> missing,
			FreshnessSettings settings) {
		if (missing.containsKey(gateway)) {
			return new GatewayFreshness("MISSING", null, null);
		}
		LocalDateTime newest = day.sources().stream().filter(s -> s.source().equals(gateway))
			.map(StoredDay.Source::newestRowUtc).filter(Objects::nonNull).findFirst().orElse(null);
		if (newest == null) {
			return new GatewayFreshness("STALE", null, null);
		}
		Duration age = Duration.between(newest, day.windowEndUtc());
		return new GatewayFreshness(age.compareTo(settings.warnAge()) >= 0 ? "STALE" : "OK", UtcTimes.iso(newest),
				FreshnessCheck.hours(age).stripTrailingZeros());
	}

	/** The severity of a STALE gateway: an ALERT from {@code error-age} (or a log with no row at all). */
	Severity severity(FreshnessSettings settings) {
		return ageHours == null || ageHours.compareTo(FreshnessCheck.hours(settings.errorAge())) >= 0 ? Severity.ALERT
				: Severity.WATCH;
	}

}
