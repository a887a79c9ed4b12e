package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.source.DayFacts;
import dev.spendaudit.source.TagSet;
import dev.spendaudit.source.Team;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

import static dev.spendaudit.store.jooq.Tables.TAG_SET_DAY;
import static dev.spendaudit.store.jooq.Tables.TEAM_BUDGET_DAY;
import static dev.spendaudit.store.jooq.Tables.TEAM_KEY_DAY;

/**
 * Writes a source's day of tag sets, key teams and team budgets (migration {@code V100}), inside
 * {@link HistoryWriter}'s transaction.
 */
final class TeamTagWriter {

	private TeamTagWriter() {
	}

	static void insert(DSLContext db, DayFacts facts) {
		LocalDate date = facts.day().date();
		String source = facts.source();
		List<TableRecord<?>> sets = new ArrayList<>();
		for (TagSet t : facts.tagSets()) {
			var r = db.newRecord(TAG_SET_DAY);
			r.setAuditDate(date);
			r.setSource(source);
			r.setTags(t.tags().toArray(String[]::new));
			r.setRequests(t.requests());
			r.setFailedRequests(t.failedRequests());
			r.setUsd(t.usd());
			r.setPromptTokens(t.promptTokens());
			r.setCompletionTokens(t.completionTokens());
			r.setNotArrayRows(t.notArrayRows());
			sets.add(r);
		}
		HistoryWriter.insertAll(db, TAG_SET_DAY, sets, false);
		List<TableRecord<?>> keys = new ArrayList<>();
		Map<String, Team> budgets = new TreeMap<>();
		facts.teams().forEach((apiKey, team) -> {
			var r = db.newRecord(TEAM_KEY_DAY);
			r.setAuditDate(date);
			r.setSource(source);
			r.setApiKey(apiKey);
			r.setTeamId(team.teamId());
			r.setTeamAlias(team.alias());
			keys.add(r);
			if (team.budget() != null) {
				budgets.put(team.teamId(), team);
			}
		});
		HistoryWriter.insertAll(db, TEAM_KEY_DAY, keys, false);
		List<TableRecord<?>> rows = new ArrayList<>();
		budgets.values().forEach(team -> {
			var r = db.newRecord(TEAM_BUDGET_DAY);
			r.setAuditDate(date);
			r.setSource(source);
			r.setTeamId(team.teamId());
			r.setSpendUsd(BigDecimal.valueOf(team.budget().spendUsd()));
			r.setMaxBudgetUsd(BigDecimal.valueOf(team.budget().maxBudgetUsd()));
			r.setBudgetDuration(team.budget().budgetDuration());
			r.setBudgetResetAtUtc(team.budget().budgetResetAtUtc());
			rows.add(r);
		});
		HistoryWriter.insertAll(db, TEAM_BUDGET_DAY, rows, false);
	}

}
