package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.source.RowGap;

/**
 * Classifies the spend log of an audited day: OK, IDLE, LOGGING_OFF or STALE, with one paragraph saying why in
 * plain numbers. Pure rules: the observations come from {@link FreshnessCheck}.
 * <ol>
 * <li>Traffic an independent signal saw that the log did not: LOGGING_OFF (ALERT), whatever the ages say.</li>
 * <li>Otherwise no silence (the age, or the longest gap between rows) as long as the warn age: OK.</li>
 * <li>A silence, and the daily aggregates or the key counters agree there was no traffic: IDLE.</li>
 * <li>A silence and nothing independent: STALE, a WATCH from the warn age and an ALERT from the error age (or
 * when the canary is silent too).</li>
 * </ol>
 */
final class FreshnessClassifier {

	private static final int NAMED_KEYS = 5;

	private FreshnessClassifier() {
	}

	/** What the check saw, before classification; {@code zone} is the audit's, for the times in the text. */
	record Observations(LocalDateTime windowStart, LocalDateTime end, LocalDateTime newestRow, RowGap longestGap,
			Signal signal, String signalNote, List<CaptureGap> gaps, List<HourRange> silentHours,
			CanaryCheck canary, ZoneId zone) {
	}

	record Verdict(FreshnessStatus status, Severity severity, String explanation) {
	}

	static Verdict classify(Observations o, FreshnessSettings settings) {
		if (!o.gaps().isEmpty()) {
			return new Verdict(FreshnessStatus.LOGGING_OFF, Severity.ALERT, loggingOff(o));
		}
		Silence silence = Silence.of(o);
		if (silence.length().compareTo(settings.warnAge()) < 0) {
			return new Verdict(FreshnessStatus.OK, Severity.INFO, ok(o));
		}
		if (o.signal() == Signal.DAILY_AGGREGATES || o.signal() == Signal.KEY_COUNTERS) {
			return new Verdict(FreshnessStatus.IDLE, Severity.INFO, idle(o, silence));
		}
		boolean canarySilent = o.canary() != null && o.canary().silent();
		Severity severity = silence.length().compareTo(settings.errorAge()) >= 0 || canarySilent ? Severity.ALERT
				: Severity.WATCH;
		return new Verdict(FreshnessStatus.STALE, severity, stale(o, silence));
	}

	private static String ok(Observations o) {
		StringBuilder text = new StringBuilder();
		text.append(o.newestRow() == null ? "No spend-log rows at all"
				: "Newest spend-log row " + Quantities.duration(Duration.between(o.newestRow(), o.end()))
						+ " before the end of the day");
		if (o.longestGap() != null) {
			text.append("; longest gap between rows in the last ")
				.append(Quantities.duration(Duration.between(o.windowStart(), o.end())))
				.append(": ")
				.append(Quantities.duration(o.longestGap().length()))
				.append(" (")
				.append(range(o.longestGap().from(), o.longestGap().to(), o.zone()))
				.append(")");
		}
		return text.append(".").toString();
	}

	private static String loggingOff(Observations o) {
		List<CaptureGap> gaps = o.gaps();
		BigDecimal usd = gaps.stream().map(CaptureGap::uncapturedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
		Set<String> workloads = gaps.stream()
			.sorted((a, b) -> b.uncapturedUsd().compareTo(a.uncapturedUsd()))
			.map(CaptureGap::workload)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		StringBuilder text = new StringBuilder();
		if (o.signal() == Signal.DAILY_AGGREGATES) {
			long requests = gaps.stream().mapToLong(CaptureGap::uncapturedRequests).sum();
			Set<String> days = gaps.stream()
				.map(g -> g.periodStart().toLocalDate().toString())
				.collect(Collectors.toCollection(java.util.TreeSet::new));
			text.append("LiteLLM's daily aggregates count ")
				.append(Quantities.count(requests))
				.append(requests == 1 ? " successful request" : " successful requests")
				.append(" (")
				.append(Quantities.usd(usd))
				.append(") that have no spend-log row, on ")
				.append(String.join(", ", days))
				.append(" (UTC)");
		}
		else {
			text.append("The keys' spend counters grew ")
				.append(Quantities.usd(usd))
				.append(" more than the spend log between ")
				.append(range(gaps.get(0).periodStart(), gaps.get(0).periodEnd(), o.zone()));
		}
		text.append(", for ").append(workloads.size()).append(workloads.size() == 1 ? " key: " : " keys: ");
		text.append(workloads.stream().limit(NAMED_KEYS).collect(Collectors.joining(", ")));
		if (workloads.size() > NAMED_KEYS) {
			text.append(" and ").append(workloads.size() - NAMED_KEYS).append(" more");
		}
		text.append(". ");
		if (o.silentHours().isEmpty()) {
			text.append("No hour of those days is entirely without rows: rows went missing here and there"
					+ " (a crashed proxy, routes that write no row).");
		}
		else {
			text.append("The log has no rows in ")
				.append(o.silentHours()
					.stream()
					.map(h -> range(h.from(), h.to(), o.zone()) + " ("
							+ Quantities.duration(Duration.ofHours(h.hours())) + ")")
					.collect(Collectors.joining(", ")))
				.append(". Spend logging was off while traffic went on: check general_settings.disable_spend_logs"
						+ " in the proxy's live environment, not only its config file.");
		}
		return text.toString();
	}

	private static String idle(Observations o, Silence silence) {
		String agreeing = o.signal() == Signal.DAILY_AGGREGATES
				? "LiteLLM's daily aggregates agree there was no traffic"
				: "the keys' spend counters did not grow more than the log "
						+ (o.signalNote() == null ? "" : o.signalNote() + " ")
						+ "(calls with zero spend do not move them)";
		return silence.lead(o.zone()) + ", and " + agreeing + ": the gateway was idle.";
	}

	private static String stale(Observations o, Silence silence) {
		StringBuilder text = new StringBuilder(silence.lead(o.zone()))
			.append(" and nothing independent to compare with, so an idle gateway and a broken spend log look the"
					+ " same here.");
		if (o.signalNote() != null) {
			text.append(" ").append(o.signalNote());
		}
		if (o.canary() != null && o.canary().silent()) {
			text.append(" The canary key ").append(o.canary().key()).append(" was silent too, so it is not idleness.");
		}
		text.append(" To tell them apart: let LiteLLM write its daily aggregates (\"LiteLLM_DailyUserSpend\"), let the"
				+ " job read \"LiteLLM_VerificationToken\" so it compares the keys' spend counters night to night,"
				+ " or set spend-audit.freshness.canary-key to a key that calls at least hourly.");
		return text.toString();
	}

	/**
	 * UTC wall-clock {@code [from, to)} in {@code zone}, the zone named: {@code 2026-11-26 06:00 – 08:00 UTC}, or
	 * with the end's date when it is another day.
	 */
	static String range(LocalDateTime from, LocalDateTime to, ZoneId zone) {
		String start = Quantities.time(from, zone);
		String end = Quantities.time(to, zone);
		boolean sameDay = from != null && to != null && start.regionMatches(0, end, 0, 11);
		return start + " – " + (sameDay ? end.substring(11) : end) + " " + Quantities.zoneName(zone);
	}

	/** The longest stretch without rows: the time since the newest row, or the longest gap, whichever is longer. */
	record Silence(Duration length, LocalDateTime from, LocalDateTime to, boolean ongoing) {

		static Silence of(Observations o) {
			if (o.newestRow() == null) {
				return new Silence(Duration.ofDays(36_500), null, o.end(), true);
			}
			Duration age = Duration.between(o.newestRow(), o.end());
			if (o.longestGap() != null && o.longestGap().length().compareTo(age) > 0) {
				return new Silence(o.longestGap().length(), o.longestGap().from(), o.longestGap().to(), false);
			}
			return new Silence(age, o.newestRow(), o.end(), true);
		}

		/** "No spend-log rows for 30 h (since ...)", or "No spend-log rows at all". */
		String lead(ZoneId zone) {
			if (from == null) {
				return "No spend-log rows at all";
			}
			return "No spend-log rows for " + Quantities.duration(length) + " ("
					+ (ongoing ? "since " + Quantities.zonedTime(from, zone) : range(from, to, zone)) + ")";
		}

	}

}
