package dev.spendaudit.source;

import java.util.Objects;

/**
 * The LiteLLM team a key hash belongs to.
 *
 * @param teamId {@code team_id} as the key table (or, for a key no key table names, the spend log) has it
 * @param alias the team's {@code team_alias} ({@code "LiteLLM_TeamTable"}, else the deleted teams' table), or null
 * @param budget the team's own budget, or null when it has none (or the team is deleted)
 */
public record Team(String teamId, String alias, TeamBudget budget) {

	/** What a key without a team is shown as. */
	public static final String NO_TEAM = "no team";

	public Team {
		Objects.requireNonNull(teamId, "teamId must not be null");
		alias = SourceSettings.blankToNull(alias);
	}

	/** The name to show: the alias, else the team id. */
	public String name() {
		return alias != null ? alias : teamId;
	}

}
