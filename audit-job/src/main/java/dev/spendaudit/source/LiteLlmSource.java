package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	public LiteLlmSource(DataSource dataSource, SourceSettings settings) {
		this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
		this.capabilities = SourceCapabilities.detect(dsl);
		this.scan = new DaySpendScan(dsl, capabilities);
		this.keys = new KeyDirectory(dsl, capabilities);
		this.resolver = new WorkloadResolver(settings.masterKeySha256());
		this.requests = new RequestDrillDown(dsl, capabilities, scan);
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

}
