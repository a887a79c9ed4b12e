package dev.spendaudit.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.spendaudit.core.AuditDay;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The LiteLLM proxy's database, read only: the one entry point through which the rest of the job sees it.
 */
public class LiteLlmSource {

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	private final DaySpendScan scan;

	private final KeyDirectory keys;

	private final WorkloadResolver resolver;

	private final RequestDrillDown requests;
	private final FreshnessScan freshness;

	private final KeyActivityScan activity;

	public LiteLlmSource(DataSource dataSource, SourceSettings settings) {
		this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
		this.capabilities = SourceCapabilities.detect(dsl);
		this.scan = new DaySpendScan(dsl, capabilities);
		this.keys = new KeyDirectory(dsl, capabilities);
		this.resolver = new WorkloadResolver(settings.masterKeySha256());
		this.requests = new RequestDrillDown(dsl, capabilities, scan);
		this.freshness = new FreshnessScan(dsl, capabilities);
		this.activity = new KeyActivityScan(dsl, capabilities);
	}

	public SourceCapabilities capabilities() {
		return capabilities;
	}

	/** The day's spend by key hash, model and provider. */
	public List<SpendGroup> spendByKeyAndModel(AuditDay day) {
		return scan.groups(day);
	}

	/** The workload behind each key hash, as of now for the key tables and as of the day for request aliases. */
	public Map<String, Workload> workloads(Collection<String> apiKeys, AuditDay day) {
		Map<String, Workload> workloads = new HashMap<>();
		keys.facts(apiKeys, day).forEach((key, facts) -> workloads.put(key, resolver.resolve(facts)));
		return workloads;
	}

	/** The workload behind each key hash, with request-time aliases looked up in {@code [fromUtc, toUtc)}. */
	public Map<String, Workload> workloads(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc) {
		Map<String, Workload> workloads = new HashMap<>();
		keys.facts(apiKeys, fromUtc, toUtc).forEach((key, facts) -> workloads.put(key, resolver.resolve(facts)));
		return workloads;
	}

	public LocalDateTime newestRowBefore(LocalDateTime before) {
		return scan.newestRowBefore(before);
	}

	public List<AnomalousRow> anomalousRows(AuditDay day, int limit) {
		return scan.anomalousRows(day, limit);
	}

	/**
	 * The day's requests of some key hashes on one model, counted by prompt size: one bucket below
	 * {@code bounds[0]}, one per pair of bounds, one from the last bound up.
	 */
	public PromptSizes promptSizes(AuditDay day, Collection<String> apiKeys, String model, long... bounds) {
		return requests.promptSizes(day, apiKeys, model, bounds);
	}

	/** The day's most expensive requests of some key hashes on one model. */
	public List<RequestSample> topRequests(AuditDay day, Collection<String> apiKeys, String model, int limit) {
		return requests.topRequests(day, apiKeys, model, limit);
	}

	/** The day's successful, uncached calls that carried tokens but logged zero spend. */
	public List<UnpricedCalls> unpricedCalls(AuditDay day) {
		return requests.unpricedCalls(day);
	}

	/** A key's logged spend between two UTC wall-clock times ({@code [fromUtc, toUtc)}). */
	public java.math.BigDecimal keySpend(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc) {
		return requests.keySpend(apiKey, fromUtc, toUtc);
	}

	/** Live keys with their own {@code max_budget} (none on a LiteLLM without the budget columns). */
	public List<KeyBudget> keyBudgets(LocalDateTime asOfUtc) {
		return requests.keyBudgets(asOfUtc);

	}

	// --- freshness: is the spend log still being written?

	/** The newest spend-log row of all (null when the log is empty). */
	public LocalDateTime newestRow() {
		return freshness.newestRow();
	}

	/** The longest gap between consecutive spend-log rows in {@code [fromUtc, toUtc)}, in SQL. */
	public Optional<RowGap> longestGap(LocalDateTime fromUtc, LocalDateTime toUtc) {
		return freshness.longestGap(fromUtc, toUtc);
	}

	/** Spend-log rows per UTC hour in {@code [fromUtc, toUtc)}: the log's hourly shape. */
	public Map<LocalDateTime, Long> rowsByHour(LocalDateTime fromUtc, LocalDateTime toUtc) {
		return freshness.rowsByHour(fromUtc, toUtc);
	}

	/** The spend log per UTC day and key for the days {@code first .. last}. */
	public List<KeyDayCount> loggedByDayAndKey(LocalDate first, LocalDate last) {
		return freshness.loggedByDayAndKey(first, last);
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

	/** The newest row of some keys in {@code [notBeforeUtc, beforeUtc)}, or null. */
	public LocalDateTime newestRowOf(Collection<String> apiKeys, LocalDateTime notBeforeUtc, LocalDateTime beforeUtc) {
		return apiKeys.isEmpty() ? null
				: freshness.newestRowOf(apiKeys.toArray(String[]::new), notBeforeUtc, beforeUtc);
	}

	// --- flat-fee plans

	/** Spend-log usage per date in {@code zone}, model and provider over {@code [fromUtc, toUtc)}. */
	public List<ModelDayUsage> usageByDayAndModel(LocalDateTime fromUtc, LocalDateTime toUtc, ZoneId zone) {
		return scan.usageByDayAndModel(fromUtc, toUtc, zone);
	}

	// --- keys

	/** A key named by alias, {@code key_name} or sha256 token hash, resolved to its hashes. */
	public ResolvedKey resolveKey(String spec) {
		return activity.resolve(spec);
	}

	/** Some keys' traffic before {@code endUtc}: the last 24 h, 7 days and {@code lookbackDays}. */
	public KeyActivity keyActivity(Collection<String> apiKeys, LocalDateTime endUtc, int lookbackDays) {
		return activity.activity(apiKeys.stream().sorted().toArray(String[]::new), endUtc, lookbackDays);
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
