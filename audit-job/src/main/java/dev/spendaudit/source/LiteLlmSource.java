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

	public LiteLlmSource(DataSource dataSource, SourceSettings settings) {
		this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
		this.capabilities = SourceCapabilities.detect(dsl);
		this.scan = new DaySpendScan(dsl, capabilities);
		this.keys = new KeyDirectory(dsl, capabilities);
		this.resolver = new WorkloadResolver(settings.masterKeySha256());
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

}
