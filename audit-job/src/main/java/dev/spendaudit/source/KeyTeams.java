package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The team of each of the day's key hashes: {@code team_id} of the live key, else of the most recently deleted key
 * with that hash, else (for a hash no key table names) the newest {@code team_id} the spend log's rows carried
 * (read with their request-time alias, {@link RequestMetadata}). The team's alias and budget come from
 * {@code "LiteLLM_TeamTable"}, and for a deleted team the alias from {@code "LiteLLM_DeletedTeamTable"} where it
 * exists; a team without a limit of its own takes that of the shared budget its {@code budget_id} names, where the
 * version's team table has one. LiteLLM writes {@code ''} for "no team": treated as NULL.
 */
final class KeyTeams {

	static final String TEAMS = "LiteLLM_TeamTable";

	static final String DELETED_TEAMS = "LiteLLM_DeletedTeamTable";

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	KeyTeams(DSLContext dsl, SourceCapabilities capabilities) {
		this.dsl = dsl;
		this.capabilities = capabilities;
	}

	/** hash → team for the hashes that have one; {@code fromLog} is the spend log's team of unnamed hashes. */
	Map<String, Team> of(String[] keys, Map<String, String> fromLog) {
		Map<String, String> ids = new HashMap<>(fromLog);
		if (keys.length > 0 && capabilities.hasColumn(SourceCapabilities.DELETED_TOKENS, "team_id")) {
			ids.putAll(teamIds("select distinct on (token) token, team_id from \"" + SourceCapabilities.DELETED_TOKENS
					+ "\" where token in (select unnest(?::text[])) and team_id <> '' order by token, deleted_at desc",
					keys));
		}
		if (keys.length > 0 && capabilities.hasColumn(SourceCapabilities.TOKENS, "team_id")) {
			// the live key wins over a deleted copy of the same hash
			ids.putAll(teamIds("select token, team_id from \"" + SourceCapabilities.TOKENS
					+ "\" where token in (select unnest(?::text[])) and team_id <> ''", keys));
		}
		ids.values().removeIf(id -> id == null || id.isBlank());
		String[] teamIds = ids.values().stream().distinct().sorted().toArray(String[]::new);
		Map<String, Team> teams = teams(teamIds);
		Map<String, Team> byKey = new HashMap<>();
		ids.forEach((key, id) -> byKey.put(key, teams.getOrDefault(id, new Team(id, null, null))));
		return byKey;
	}

	private Map<String, String> teamIds(String sql, String[] keys) {
		Map<String, String> ids = new HashMap<>();
		dsl.resultQuery(sql, (Object) keys).forEach(r -> ids.put(r.get(0, String.class), r.get(1, String.class)));
		return ids;
	}

	/** team id → its alias and budget: the live teams, then the deleted ones' aliases. */
	private Map<String, Team> teams(String[] teamIds) {
		Map<String, Team> teams = new HashMap<>();
		if (teamIds.length == 0) {
			return teams;
		}
		if (capabilities.hasColumn(DELETED_TEAMS, "team_alias")) {
			String order = capabilities.hasColumn(DELETED_TEAMS, "deleted_at") ? " order by team_id, deleted_at desc"
					: "";
			dsl.resultQuery("select distinct on (team_id) team_id, team_alias from \"" + DELETED_TEAMS
					+ "\" where team_id in (select unnest(?::text[]))" + order, (Object) teamIds)
				.forEach(r -> teams.put(r.get(0, String.class), new Team(r.get(0, String.class),
						r.get(1, String.class), null)));
		}
		if (capabilities.hasColumn(TEAMS, "team_alias")) {
			for (Record r : dsl.resultQuery(budgetQuery(), (Object) teamIds)) {
				Double max = r.get(2, Double.class);
				TeamBudget budget = max == null ? null : new TeamBudget(r.get(3, Double.class), max,
						SourceSettings.blankToNull(r.get(4, String.class)), r.get(5, LocalDateTime.class));
				teams.put(r.get(0, String.class), new Team(r.get(0, String.class), r.get(1, String.class), budget));
			}
		}
		return teams;
	}

	/**
	 * The teams' alias, limit, counter, duration and reset: the team's own limit, else (where a LiteLLM version's
	 * team table has a {@code budget_id}) the shared budget's in {@code "LiteLLM_BudgetTable"}, with its reset.
	 */
	private String budgetQuery() {
		String budgets = SourceCapabilities.BUDGETS;
		if (!capabilities.hasColumn(TEAMS, "budget_id") || !capabilities.hasColumn(budgets, "max_budget")
				|| !capabilities.hasColumn(budgets, "budget_duration")
				|| !capabilities.hasColumn(budgets, "budget_reset_at")) {
			return "select t.team_id, t.team_alias, t.max_budget, t.spend, t.budget_duration, t.budget_reset_at"
					+ " from \"" + TEAMS + "\" t where t.team_id in (select unnest(?::text[]))";
		}
		return "select t.team_id, t.team_alias, coalesce(t.max_budget, b.max_budget), t.spend,"
				+ " case when t.max_budget is null then b.budget_duration else t.budget_duration end,"
				+ " case when t.max_budget is null then b.budget_reset_at else t.budget_reset_at end from \"" + TEAMS
				+ "\" t left join \"" + budgets + "\" b on b.budget_id = t.budget_id"
				+ " where t.team_id in (select unnest(?::text[]))";
	}

}
