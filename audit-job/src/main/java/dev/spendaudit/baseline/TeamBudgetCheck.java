package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.history.TeamHistory.TeamBudgetDay;
import dev.spendaudit.history.TeamHistory.TeamWorkloadDay;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.Workload;

/**
 * BUDGET for teams: each team with its own {@code max_budget}, projected exactly as a key's ({@link BudgetCheck}),
 * its finding's subject {@code team:NAME}. The team's pace is its keys' stored days; its counter is the one the
 * day's read stored ({@code team_budget_day}), and the spend logged since is its keys' (as of the day: a key moved
 * to another team later still counts where it was).
 */
final class TeamBudgetCheck {

	private final TeamHistory teams;

	private final DetectionSettings.Budget settings;

	TeamBudgetCheck(TeamHistory teams, DetectionSettings.Budget settings) {
		this.teams = teams;
		this.settings = settings;
	}

	List<Draft> check(LocalDate day, LocalDateTime asOf, LocalDateTime now, BudgetCheck.LoggedSpend keySpend) {
		List<TeamBudgetDay> stored = teams.budgets(day);
		if (stored.isEmpty()) {
			return List.of();
		}
		List<TeamWorkloadDay> days = teams.days(day.minusDays(settings.paceDays() - 1), day);
		Map<String, Workload> names = new HashMap<>();
		List<DayRow> rows = new ArrayList<>();
		for (TeamWorkloadDay d : days) {
			if (d.teamId() == null) {
				continue;
			}
			// the check sums a budget holder's rows over the pace days: here each team × workload day of a team
			rows.add(new DayRow(d.date(), d.teamId(), d.workload(), Attribution.KEY_ALIAS, "", "", d.usd(),
					d.requests(), d.promptTokens(), d.completionTokens()));
			if (d.date().equals(day) || !names.containsKey(d.teamId())) {
				names.put(d.teamId(), new Workload(d.teamAlias() != null ? d.teamAlias() : d.teamId(),
						Attribution.KEY_ALIAS));
			}
		}
		Map<String, Set<String>> keys = teams.keys(day);
		List<KeyBudget> budgets = new ArrayList<>();
		for (TeamBudgetDay b : stored) {
			budgets.add(new KeyBudget(b.teamId(), b.spendUsd().doubleValue(), b.maxBudgetUsd().doubleValue(),
					b.budgetDuration(), b.budgetResetAtUtc(), null));
			names.putIfAbsent(b.teamId(), new Workload(b.teamId(), Attribution.KEY_ALIAS));
		}
		BudgetCheck.LoggedSpend teamSpend = (teamId, from, to) -> keys.getOrDefault(teamId, Set.of())
			.stream()
			.mapToDouble(k -> keySpend.between(k, from, to))
			.sum();
		return new BudgetCheck(settings, "team:").check(day, asOf, now, budgets, rows, names, teamSpend);
	}

}
