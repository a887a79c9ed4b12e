package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.spendaudit.core.AuditDay;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The LiteLLM proxy's database, read only: the one entry point through which the rest of the job sees it. A day is
 * read once ({@link #readDay}); everything else here is a lookup bounded by a few keys, the hours after the last
 * stored day, or an index.
 */
public class LiteLlmSource {

	private final String name;

	private final SourceCapabilities capabilities;

	private final DayRead read;

	private final RequestDrillDown requests;

	private final FreshnessScan freshness;

	private final KeyActivityScan activity;

	private final CallerScan callers;

	private final RequestLookup lookup;

	public LiteLlmSource(DataSource dataSource, SourceSettings settings) {
		this(dataSource, settings, AnomalousSettings.defaults());
	}

	public LiteLlmSource(DataSource dataSource, SourceSettings settings, AnomalousSettings anomalous) {
		this(dataSource, settings.name(), settings, anomalous);
	}

	/** The gateway named {@code name} (one of {@code spend-audit.sources}), read with {@code settings}. */
	public LiteLlmSource(DataSource dataSource, String name, SourceSettings settings, AnomalousSettings anomalous) {
		this(dataSource, name, settings, anomalous, TagWorkloadSettings.off());
	}

	/** The same, with requests that name their workload in a tag attributed to it ({@code tags}). */
	public LiteLlmSource(DataSource dataSource, String name, SourceSettings settings, AnomalousSettings anomalous,
			TagWorkloadSettings tags) {
		SourceErrors errors = new SourceErrors(settings.statementTimeout());
		DSLContext dsl = DSL.using(new DefaultConfiguration().set(errors.connections(dataSource))
			.set(SQLDialect.POSTGRES)
			.set(new DefaultExecuteListenerProvider(errors)));
		this.name = name;
		this.capabilities = SourceCapabilities.detect(dsl);
		DaySpendScan scan = new DaySpendScan(dsl, capabilities, anomalous, tags);
		this.freshness = new FreshnessScan(dsl, capabilities, scan);
		this.read = new DayRead(name, dsl, capabilities, scan, anomalous, tags,
				new WorkloadResolver(settings.masterKeySha256()), freshness);
		this.requests = new RequestDrillDown(dsl, capabilities, scan);
		this.lookup = new RequestLookup(dsl, capabilities, scan);
		this.activity = new KeyActivityScan(dsl, capabilities);
		this.callers = new CallerScan(dsl, capabilities);
	}

	/** The source's (gateway's) name, which every fact read from it carries. */
	public String name() {
		return name;
	}

	public SourceCapabilities capabilities() {
		return capabilities;
	}

	/**
	 * The day's facts: one range scan on {@code "startTime"} for the groups, prompt sizes, UTC hours and UTC dates;
	 * the key tables for the hashes it found, and {@code metadata} only for the hashes they do not name; the newest
	 * row before the day's end (a backward index scan); and examples of the anomalous rows, only when there are any.
	 */
	public DayFacts readDay(AuditDay day) {
		return readDay(day, coverage(day), Set.of());
	}

	/**
	 * Whether the source still holds the day: the spend log does when its oldest row is before the day's end; else
	 * the legacy table a switch to partitioning left behind may (where it exists and may be read). Two index
	 * lookups, no scan.
	 */
	public DayCoverage coverage(AuditDay day) {
		return read.coverage(day);
	}

	/**
	 * The day's facts, read from the table {@code coverage} names (see {@link #readDay(AuditDay)}), with the callers
	 * of the {@code watched} key hashes counted by the same scan (not from the legacy table, whose rows the key
	 * watch reads on its own).
	 */
	public DayFacts readDay(AuditDay day, DayCoverage coverage, Set<String> watched) {
		return read.read(day, coverage, watched);
	}

	/**
	 * How current the log is, as seen from the end of {@code day} and from {@code nowUtc}: the newest row of all and
	 * the longest gap between rows over {@code [end − gapWindow, end)}, put together from the spans the store keeps
	 * ({@code stored}) where it can (see {@code FreshnessScan}).
	 */
	public LogFreshness logFreshness(DayFacts day, Duration gapWindow, LocalDateTime nowUtc,
			Function<LocalDate, DayRowSpan> stored) {
		return freshness.logFreshness(day, gapWindow, nowUtc, stored);
	}

	/** The workload behind each key hash, with request-time aliases looked up in {@code [fromUtc, toUtc)}. */
	public Map<String, Workload> workloads(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc) {
		return read.workloads(apiKeys, fromUtc, toUtc);
	}

	/** The LiteLLM team of each key hash the key tables put in one (live keys, else deleted ones), as of now. */
	public Map<String, Team> teams(Collection<String> apiKeys) {
		return read.teams(apiKeys.stream().filter(k -> !k.isEmpty()).distinct().toArray(String[]::new));
	}

	/** The workload behind each key hash, as of now for the key tables and as of the day for request aliases. */
	public Map<String, Workload> workloads(Collection<String> apiKeys, AuditDay day) {
		return workloads(apiKeys, day.fromUtc(), day.toUtc());
	}

	// --- a finding's own requests: its key hashes and model on the audited day

	/**
	 * For each pair, the median request and the {@code limit} most expensive ones of its key hashes on its model on
	 * the day, of its tag workload's requests ({@link RequestPair}): a key's calls split over its workloads. One pass
	 * over the day's rows for every pair.
	 */
	public Map<RequestPair, PairRequests> pairRequests(AuditDay day, Collection<RequestPair> pairs, int limit) {
		return requests.pairRequests(day, pairs, limit);
	}

	/** The same for one pair. */
	public PairRequests pairRequests(AuditDay day, Collection<String> apiKeys, String model, String tagWorkload,
			int limit) {
		RequestPair pair = new RequestPair(Set.copyOf(apiKeys), model, tagWorkload);
		return pairRequests(day, List.of(pair), limit).get(pair);
	}

	/**
	 * The spend-log rows of these request ids, by id, looked up by primary key in chunks (a bill's generation ids);
	 * ids the log lacks are absent. A cache hit is logged under an id of its own ({@code <id>_cache_hit...}), so it
	 * never answers for the billed request.
	 */
	public Map<String, LoggedRequest> loggedRequests(Collection<String> requestIds) {
		return requestIds.isEmpty() ? Map.of() : lookup.byId(requestIds);
	}

	// --- budgets

	/** A key's logged spend between two UTC wall-clock times ({@code [fromUtc, toUtc)}). */
	public BigDecimal keySpend(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc) {
		return requests.keySpend(apiKey, fromUtc, toUtc);
	}

	/** Live keys with their own {@code max_budget} (none on a LiteLLM without the budget columns). */
	public List<KeyBudget> keyBudgets(LocalDateTime asOfUtc) {
		return requests.keyBudgets(asOfUtc);
	}

	// --- freshness: is the spend log still being written?

	/** Spend-log rows per UTC hour in {@code [fromUtc, toUtc)}: for the hours after the last stored day. */
	public Map<LocalDateTime, Long> rowsByHour(LocalDateTime fromUtc, LocalDateTime toUtc) {
		return fromUtc.isBefore(toUtc) ? freshness.rowsByHour(fromUtc, toUtc) : Map.of();
	}

	/** LiteLLM's daily aggregates per UTC day and key; empty when the table is missing. */
	public List<KeyDayCount> aggregatedByDayAndKey(LocalDate first, LocalDate last) {
		return capabilities.hasDailyAggregates() ? freshness.aggregatedByDayAndKey(first, last) : List.of();
	}

	/** Whether the daily aggregates exist and have rows for some UTC day in {@code first .. last}. */
	public boolean aggregatesHaveRows(LocalDate first, LocalDate last) {
		return capabilities.hasDailyAggregates() && freshness.aggregatesHaveRows(first, last);
	}

	/** Every key's spend counters now; empty when the key table cannot be read. */
	public List<KeyCounter> keyCounters() {
		return capabilities.hasKeyCounters() ? freshness.keyCounters() : List.of();
	}

	/** The spend log per key in {@code [fromUtc, toUtc)}. */
	public List<KeySpend> loggedByKey(LocalDateTime fromUtc, LocalDateTime toUtc) {
		return freshness.loggedByKey(fromUtc, toUtc, null);
	}

	/** The spend log per key in {@code [fromUtc, toUtc)}, only for the given keys. */
	public List<KeySpend> loggedByKey(LocalDateTime fromUtc, LocalDateTime toUtc, Collection<String> onlyKeys) {
		return onlyKeys.isEmpty() ? List.of()
				: freshness.loggedByKey(fromUtc, toUtc, onlyKeys.toArray(String[]::new));
	}

	/** The row times of some keys in {@code [fromUtc, toUtc)}, oldest first. */
	public List<LocalDateTime> rowTimes(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc) {
		return apiKeys.isEmpty() ? List.of() : freshness.rowTimes(apiKeys.toArray(String[]::new), fromUtc, toUtc);
	}

	/**
	 * The newest row of some keys in {@code [notBeforeUtc, beforeUtc)}, or null: for days stored by release 0.1.0,
	 * which did not keep each group's newest row.
	 */
	public LocalDateTime newestRowOf(Collection<String> apiKeys, LocalDateTime notBeforeUtc, LocalDateTime beforeUtc) {
		return apiKeys.isEmpty() ? null
				: freshness.newestRowOf(apiKeys.toArray(String[]::new), notBeforeUtc, beforeUtc);
	}

	// --- keys

	/** A key named by alias, {@code key_name} or sha256 token hash, resolved to its hashes. */
	public ResolvedKey resolveKey(String spec) {
		return activity.resolve(spec);
	}

	/**
	 * Every hint the spend log has about who calls some keys, per day in {@code zone} of {@code [fromUtc, toUtc)}
	 * and per key, in one pass over the keys' rows.
	 */
	public Map<LocalDate, Map<String, CallerHints>> callerHintsByDay(Collection<String> apiKeys, LocalDateTime fromUtc,
			LocalDateTime toUtc, ZoneId zone) {
		return callers.byDay(apiKeys.stream().sorted().toArray(String[]::new), fromUtc, toUtc, zone);
	}

	/** The newest UTC date up to {@code notAfter} with requests for the keys in the daily aggregates, or null. */
	public LocalDate lastAggregateDate(Collection<String> apiKeys, LocalDate notAfter) {
		return activity.lastAggregateDate(apiKeys.toArray(String[]::new), notAfter);
	}

	/** Every live key in {@code "LiteLLM_VerificationToken"}. */
	public List<TokenRow> tokens() {
		return activity.tokens();
	}

}
