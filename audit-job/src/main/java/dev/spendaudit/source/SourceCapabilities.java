package dev.spendaudit.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Which of LiteLLM's optional tables and columns this source database has. Older proxies lack the deleted and
 * deprecated token tables, the {@code status} column and more; the rules that need them are skipped, with one log
 * line each, instead of failing the audit.
 */
public final class SourceCapabilities {

	static final String SPEND_LOGS = "LiteLLM_SpendLogs";
	static final String TOKENS = "LiteLLM_VerificationToken";
	static final String DELETED_TOKENS = "LiteLLM_DeletedVerificationToken";
	static final String BUDGETS = "LiteLLM_BudgetTable";
	static final String DEPRECATED_TOKENS = "LiteLLM_DeprecatedVerificationToken";
	static final String DAILY_USER_SPEND = "LiteLLM_DailyUserSpend";
	static final String LEGACY_SPEND_LOGS = SourceInspection.LEGACY_SPEND_LOGS;

	private static final Logger log = LoggerFactory.getLogger(SourceCapabilities.class);

	private final Map<String, Set<String>> columnsByTable;

	SourceCapabilities(Map<String, Set<String>> columnsByTable) {
		this.columnsByTable = columnsByTable;
	}

	/** Reads the catalogue of the source's current schema; fails if it has no spend log at all. */
	static SourceCapabilities detect(DSLContext dsl) {
		SourceCapabilities capabilities = read(dsl);
		capabilities.logSkippedRules();
		return capabilities;
	}

	/** The same without logging what is skipped: {@code doctor} reports {@link #limitations()} itself. */
	static SourceCapabilities read(DSLContext dsl) {
		Map<String, Set<String>> columns = dsl
			.select(field(name("table_name"), String.class), field(name("column_name"), String.class))
			.from(table(name("information_schema", "columns")))
			.where(field(name("table_schema"), String.class).eq(dsl.select(field("current_schema()", String.class))))
			.and(field(name("table_name"), String.class).like("LiteLLM\\_%"))
			.fetchGroups(r -> r.value1(), r -> r.value2())
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
		if (!columns.containsKey(SPEND_LOGS)) {
			// information_schema lists only what the user may read: tell "missing" from "not granted"
			if (dsl.fetchValue("select to_regclass(current_schema() || '.\"LiteLLM_SpendLogs\"')") != null) {
				throw new SourceUnavailableException("the source user may not read \"" + SPEND_LOGS
						+ "\": GRANT SELECT ON ALL TABLES IN SCHEMA " + dsl.fetchValue("select current_schema()")
						+ " TO " + dsl.fetchValue("select current_user") + " (see deploy/create-readonly-role.sql)");
			}
			throw new SourceUnavailableException("the source database has no \"" + SPEND_LOGS
					+ "\" table: is spend-audit.source.url pointing at the LiteLLM proxy's database?");
		}
		return new SourceCapabilities(columns);
	}

	/**
	 * The legacy spend log LiteLLM's partitioning leaves behind, seen as the spend log (its own columns), or null
	 * when it does not exist or this role may not read it (information_schema lists only what the role may read).
	 */
	SourceCapabilities legacySpendLog() {
		Set<String> legacy = columnsByTable.get(LEGACY_SPEND_LOGS);
		if (legacy == null || !legacy.containsAll(Set.of("startTime", "spend", "api_key", "model", "request_id"))) {
			return null;
		}
		Map<String, Set<String>> columns = new HashMap<>(columnsByTable);
		columns.put(SPEND_LOGS, legacy);
		return new SourceCapabilities(columns);
	}

	public boolean hasTable(String table) {
		return columnsByTable.containsKey(table);
	}

	public boolean hasColumn(String table, String column) {
		return columnsByTable.getOrDefault(table, Set.of()).contains(column);
	}

	/** Whether LiteLLM's daily aggregates ({@code "LiteLLM_DailyUserSpend"}) exist: written even with spend logs off. */
	public boolean hasDailyAggregates() {
		return hasColumn(DAILY_USER_SPEND, "date") && hasColumn(DAILY_USER_SPEND, "api_key")
				&& hasColumn(DAILY_USER_SPEND, "api_requests") && hasColumn(DAILY_USER_SPEND, "spend");
	}

	/** Whether the keys' spend counters can be read ({@code "LiteLLM_VerificationToken".spend}). */
	public boolean hasKeyCounters() {
		return hasColumn(TOKENS, "token") && hasColumn(TOKENS, "spend");
	}

	boolean hasTokens() {
		return hasTable(TOKENS);
	}

	boolean hasDeletedTokens() {
		return hasColumn(DELETED_TOKENS, "token") && hasColumn(DELETED_TOKENS, "key_alias");
	}

	boolean hasDeprecatedTokens() {
		return hasColumn(DEPRECATED_TOKENS, "token") && hasColumn(DEPRECATED_TOKENS, "active_token_id");
	}

	boolean hasSpendLogColumn(String column) {
		return hasColumn(SPEND_LOGS, column);
	}

	/**
	 * What this source lacks and which rule or figure that switches off, one sentence each.
	 *
	 * @param serious whether it costs the audit more than precision (no key table: no current aliases at all)
	 */
	public record Limitation(boolean serious, String message) {
	}

	/** The attribution rules this source's tables allow, strongest first. */
	public List<Attribution> attributionRules() {
		List<Attribution> rules = new ArrayList<>();
		for (Attribution rule : Attribution.values()) {
			boolean possible = switch (rule) {
				case KEY_ALIAS, KEY_NAME -> hasTokens();
				case DELETED_KEY -> hasDeletedTokens();
				case ROTATED_KEY -> hasDeprecatedTokens();
				case REQUEST_ALIAS -> hasSpendLogColumn("metadata");
				case MASTER_KEY, UNKNOWN_KEY -> true;
				// a request's rule, switched on by a setting, not by the key tables
				case TAG -> false;
			};
			if (possible) {
				rules.add(rule);
			}
		}
		return rules;
	}

	/** Every missing optional table or column, with the rule it disables; empty on a current LiteLLM. */
	public List<Limitation> limitations() {
		List<Limitation> limits = new ArrayList<>();
		if (!hasTokens()) {
			limits.add(new Limitation(true, "\"" + TOKENS
					+ "\" not found: current key aliases are unavailable; only request-time aliases name workloads"));
		}
		if (!hasDeletedTokens()) {
			limits.add(new Limitation(false, "\"" + DELETED_TOKENS
					+ "\" not found (LiteLLM older than late 2025): the DELETED_KEY attribution rule is skipped"));
		}
		if (!hasDeprecatedTokens()) {
			limits.add(new Limitation(false,
					"\"" + DEPRECATED_TOKENS + "\" not found: the ROTATED_KEY attribution rule is skipped"));
		}
		if (!hasDailyAggregates()) {
			limits.add(new Limitation(false, "\"" + DAILY_USER_SPEND + "\" not found: the spend log's capture check"
					+ " falls back to nightly snapshots of the keys' spend counters"));
		}
		if (!hasSpendLogColumn("status")) {
			limits.add(new Limitation(false,
					"\"" + SPEND_LOGS + "\".status not found (LiteLLM before 2025-05): failed requests count as 0"));
		}
		if (!hasSpendLogColumn("model_group")) {
			limits.add(new Limitation(false,
					"\"" + SPEND_LOGS + "\".model_group not found: models are named by the deployment model"));
		}
		if (hasTokens() && !hasColumn(TOKENS, "max_budget")) {
			limits.add(new Limitation(false, "\"" + TOKENS + "\".max_budget not found: the BUDGET rule is skipped"));
		}
		if (!hasSpendLogColumn("cache_hit")) {
			limits.add(new Limitation(false, "\"" + SPEND_LOGS + "\".cache_hit not found: cache hits count as 0"));
		}
		return limits;
	}

	private void logSkippedRules() {
		for (Limitation limit : limitations()) {
			if (limit.serious()) {
				log.warn("{}", limit.message());
			}
			else {
				log.info("{}", limit.message());
			}
		}
	}

}
