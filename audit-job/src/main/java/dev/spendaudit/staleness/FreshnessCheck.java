package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.LogHistory;
import dev.spendaudit.history.StoredDay;
import dev.spendaudit.source.KeyDayCount;
import dev.spendaudit.source.KeySpend;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.LogFreshness;
import dev.spendaudit.source.ResolvedKey;
import dev.spendaudit.source.RowGap;
import dev.spendaudit.source.Workload;
import dev.spendaudit.staleness.HourRange.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is the spend log still being written? Looks at the log as it stood at the end of the audited day (so a rerun
 * of a past day reports what that night would have seen), compares it with what LiteLLM keeps writing when spend
 * logs are off, classifies the day and stores the result.
 * <p>
 * The log's side comes from the history: the newest rows and the longest gap the {@code readDay} step looked up,
 * the key × UTC-date and UTC-hour facts of the stored days. The source is asked only for LiteLLM's own signals
 * (daily aggregates, key counters), the canary's rows, and, for the counter fallback, the keys' logged spend between
 * two nightly snapshots and the hours after the audited day.
 */
public class FreshnessCheck {

	/** How many recent UTC days of daily aggregates must have rows for them to count as still written. */
	static final int AGGREGATES_ALIVE_DAYS = 7;

	/** How long after a UTC day ends its daily aggregates and spend-log rows are taken as complete. */
	static final Duration SETTLE = Duration.ofHours(1);

	/**
	 * A counter snapshot is taken only by a run within this time after the end of the audited day: the nightly
	 * run of yesterday, not a rerun of an older day.
	 */
	static final Duration NIGHTLY = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(FreshnessCheck.class);

	private final LiteLlmSource source;

	private final List<LiteLlmSource> canaryGateways;

	private final HistoryReader history;

	private final LogHistory logHistory;

	private final KeyHistory keyHistory;

	private final FreshnessStore store;

	private final FreshnessSettings settings;

	private final Clock clock;

	/**
	 * @param source the first gateway that could be read, whose log is checked
	 * @param canaryGateways the gateways the canary's rows are looked for on
	 */
	public FreshnessCheck(LiteLlmSource source, List<LiteLlmSource> canaryGateways, HistoryReader history,
			LogHistory logHistory, KeyHistory keyHistory, FreshnessStore store, FreshnessSettings settings,
			Clock clock) {
		this.source = source;
		this.canaryGateways = List.copyOf(canaryGateways);
		this.history = history;
		this.logHistory = logHistory;
		this.keyHistory = keyHistory;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	public FreshnessResult check(AuditDay day) {
		LocalDateTime end = day.toUtc();
		LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
		LocalDateTime windowStart = end.minus(settings.gapWindow());
		StoredDay stored = history.day(day.date())
			.orElseThrow(() -> new IllegalStateException("day " + day.date() + " has not been read"));
		LogFreshness lookups = stored.freshness(source.name());
		if (lookups == null) {
			throw new IllegalStateException("day " + day.date() + " was only rolled up: its freshness was not read");
		}
		// the gateway this check asks LiteLLM's own signals of: its log alone is compared with them
		LocalDateTime newest = stored.newestRowUtc(source.name());
		LocalDateTime newestAtRun = lookups.newestRowUtc();
		RowGap gap = lookups.longestGap();
		if (source.capabilities().hasKeyCounters() && !now.isBefore(end) && now.isBefore(end.plus(NIGHTLY))) {
			store.replaceSnapshot(day.date(), now, source.keyCounters());
		}
		Compared compared = compare(day, windowStart, end, now);
		List<HourRange> silentHours = silentHours(compared.periods(), end, now);
		List<CaptureGap> gaps = named(compared.gaps(), day, windowStart, end);
		CanaryCheck canary = canary(day, windowStart, end);
		FreshnessClassifier.Verdict verdict = FreshnessClassifier.classify(new FreshnessClassifier.Observations(
				windowStart, end, newest, gap, compared.signal(), compared.note(), gaps, silentHours, canary, day.zone()),
				settings);
		FreshnessResult result = new FreshnessResult(day.date(), verdict.status(), verdict.severity(),
				compared.signal(), windowStart, end, newest, newest == null ? null : hours(Duration.between(newest, end)),
				newestAtRun,
				newestAtRun == null ? null : hours(Duration.between(newestAtRun, now.isBefore(newestAtRun) ? newestAtRun : now)),
				now, gap, gap == null ? null : hours(gap.length()), gaps, silentHours, canary, verdict.explanation());
		store.replace(result);
		log.info("{}: spend log {} ({}): newest row {} before the end of the day, longest gap {}", day.date(),
				result.status(), result.signal(), Quantities.hours(result.ageHours()),
				Quantities.hours(result.maxGapHours()));
		return result;
	}

	/** The capture check against the best independent signal there is. */
	private Compared compare(AuditDay day, LocalDateTime windowStart, LocalDateTime end, LocalDateTime now) {
		LocalDate first = windowStart.toLocalDate();
		LocalDate last = end.minusNanos(1).toLocalDate();
		// the log's side is the stored days: a UTC date that goes on past the end of the audited day is compared
		// when the day it ends in is audited
		LocalDate lastWhole = end.toLocalDate().minusDays(1);
		// a UTC day still in progress (zones west of UTC) is compared the next night: both sides are written in
		// batches, seconds apart, and a day half-written would look like a hole
		LocalDate lastSettled = now.minus(SETTLE).toLocalDate().minusDays(1);
		LocalDate lastCompared = last.isAfter(lastSettled) ? lastSettled : last;
		String note = null;
		if (source.capabilities().hasDailyAggregates()) {
			if (source.aggregatesHaveRows(last.minusDays(AGGREGATES_ALIVE_DAYS - 1), last)) {
				last = lastCompared.isAfter(lastWhole) ? lastWhole : lastCompared;
				if (last.isBefore(first)) {
					return new Compared(Signal.DAILY_AGGREGATES, List.of(), List.of(), null);
				}
				Set<LocalDate> covered = logHistory.coveredUtcDates(first, last, source.name());
				if (covered.size() < first.datesUntil(last.plusDays(1)).count()) {
					log.info("{}: UTC dates {} .. {} not all stored with their UTC-date facts (a store of release 0.1.0)"
							+ "; compared only {}", day.date(), first, last, covered);
				}
				List<KeyDayCount> aggregates = source.aggregatedByDayAndKey(first, last)
					.stream()
					.filter(a -> covered.contains(a.utcDate()))
					.toList();
				List<CaptureGap> gaps = CaptureComparison.compare(aggregates, logHistory.keyUtcDates(first, last, source.name()));
				Set<Interval> days = gaps.stream()
					.map(g -> new Interval(g.periodStart(), g.periodEnd()))
					.collect(Collectors.toCollection(LinkedHashSet::new));
				return new Compared(Signal.DAILY_AGGREGATES, gaps, List.copyOf(days), null);
			}
			note = "\"LiteLLM_DailyUserSpend\" has no rows for the last " + AGGREGATES_ALIVE_DAYS
					+ " days, so LiteLLM no longer writes it.";
		}
		FreshnessStore.SnapshotPair pair = store.snapshotPair(day.date());
		if (pair != null) {
			Map<String, BigDecimal> logged = new HashMap<>();
			for (KeySpend k : source.loggedByKey(pair.previousAt(), pair.currentAt())) {
				logged.put(k.apiKey(), k.usd());
			}
			CounterComparison.Result result = CounterComparison.compare(pair.previous(), pair.previousAt(),
					pair.current(), pair.currentAt(), logged, (key, from) -> source
						.loggedByKey(from, pair.currentAt(), List.of(key))
						.stream()
						.map(KeySpend::usd)
						.findFirst()
						.orElse(BigDecimal.ZERO));
			if (!result.skipped().isEmpty()) {
				log.info("{}: {} keys' spend counters went down without a budget reset; not compared", day.date(),
						result.skipped().size());
			}
			List<Interval> periods = result.gaps()
				.stream()
				.map(g -> new Interval(g.periodStart(), g.periodEnd()))
				.distinct()
				.toList();
			// for the explanation: which interval the counters speak for
			return new Compared(Signal.KEY_COUNTERS, result.gaps(), periods,
					"between " + FreshnessClassifier.range(pair.previousAt(), pair.currentAt(), day.zone()));
		}
		if (source.capabilities().hasKeyCounters()) {
			note = (note == null ? "" : note + " ") + "The keys' spend counters are compared from the second"
					+ " nightly run on (a snapshot is kept each night).";
		}
		Signal signal = settings.canaryKey() != null ? Signal.CANARY : Signal.NONE;
		return new Compared(signal, List.of(), List.of(), note);
	}

	/**
	 * Hours with no rows at all in the periods where traffic went unlogged: the stored days' UTC hours, and the
	 * source's rows for the hours after the audited day (only the counter snapshots' periods reach past it).
	 */
	private List<HourRange> silentHours(List<Interval> periods, LocalDateTime end, LocalDateTime now) {
		if (periods.isEmpty()) {
			return List.of();
		}
		LocalDateTime from = periods.stream().map(Interval::from).min(LocalDateTime::compareTo).orElseThrow();
		LocalDateTime to = periods.stream().map(Interval::to).max(LocalDateTime::compareTo).orElseThrow();
		Set<LocalDateTime> hours = new TreeSet<>(logHistory.hoursWithRows(from, to.isAfter(end) ? end : to, source.name()));
		hours.addAll(source.rowsByHour(from.isAfter(end) ? from : end, to).keySet());
		return HourRange.silent(periods, hours, now);
	}

	/** Each gap's workload: as the history attributed the key lately, else as LiteLLM's key tables name it. */
	private List<CaptureGap> named(List<CaptureGap> gaps, AuditDay day, LocalDateTime windowStart, LocalDateTime end) {
		if (gaps.isEmpty()) {
			return gaps;
		}
		Set<String> keys = gaps.stream().map(CaptureGap::apiKey).collect(Collectors.toSet());
		LocalDate firstDay = day.date().minusDays(settings.gapWindow().toDays() + 1);
		Map<String, Workload> workloads = new HashMap<>(keyHistory.workloads(keys, firstDay, day.date()));
		Set<String> unseen = new TreeSet<>(keys);
		unseen.removeAll(workloads.keySet());
		if (!unseen.isEmpty()) {
			workloads.putAll(source.workloads(unseen, windowStart, end));
		}
		List<CaptureGap> named = new ArrayList<>();
		for (CaptureGap g : gaps) {
			Workload w = workloads.get(g.apiKey());
			named.add(g.withWorkload(w == null ? g.apiKey() : w.name()));
		}
		return named;
	}

	private CanaryCheck canary(AuditDay day, LocalDateTime windowStart, LocalDateTime end) {
		if (settings.canaryKey() == null || canaryGateways.isEmpty()) {
			return null;
		}
		// a canary calling through any of its gateways proves the log is written
		boolean found = false;
		List<LocalDateTime> rows = new ArrayList<>();
		for (LiteLlmSource g : canaryGateways) {
			ResolvedKey key = g.resolveKey(settings.canaryKey());
			found |= !key.hashes().isEmpty();
			rows.addAll(g.rowTimes(key.hashes(), windowStart, end));
		}
		if (!found) {
			return CanaryCheck.notFound(settings.canaryKey());
		}
		rows.sort(null);
		return CanaryCheck.of(settings.canaryKey(), rows, windowStart, day.fromUtc(), end,
				settings.canaryMaxSilence());
	}

	static BigDecimal hours(Duration d) {
		return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP);
	}

	/**
	 * @param periods the periods in which the signal saw traffic the log missed
	 * @param note why a better signal was not used, for the explanation (or null)
	 */
	private record Compared(Signal signal, List<CaptureGap> gaps, List<Interval> periods, String note) {
	}

}
