package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static dev.spendaudit.store.jooq.Tables.TEAM_BUDGET_DAY;
import static dev.spendaudit.store.jooq.Tables.TEAM_KEY_DAY;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

/**
 * The stored days by team: each stored group's key hash joined to the team the day's read named for it
 * ({@code team_key_day}); a hash without one is in no team. Read from the store alone, so a team's series has as
 * many days as the store.
 */
public class TeamHistory {

	private final DSLContext dsl;

	public TeamHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Spend, requests, failures and tokens per day, team and workload in {@code from .. to}, over every source.
	 * The alias is the newest the day's keys had.
	 */
	public List<TeamWorkloadDay> days(LocalDate from, LocalDate to) {
		var k = KEY_MODEL_DAY;
		var t = TEAM_KEY_DAY;
		Field<String> alias = max(t.TEAM_ALIAS);
		Field<BigDecimal> usd = sum(k.USD);
		Field<BigDecimal> requests = sum(k.REQUESTS);
		Field<BigDecimal> failed = sum(k.FAILED_REQUESTS);
		Field<BigDecimal> prompt = sum(k.PROMPT_TOKENS);
		Field<BigDecimal> completion = sum(k.COMPLETION_TOKENS);
		List<TeamWorkloadDay> days = new ArrayList<>();
		for (Record r : dsl.select(k.AUDIT_DATE, t.TEAM_ID, alias, k.WORKLOAD, usd, requests, failed, prompt, completion)
			.from(k)
			.leftJoin(t)
			.on(t.AUDIT_DATE.eq(k.AUDIT_DATE).and(t.SOURCE.eq(k.SOURCE)).and(t.API_KEY.eq(k.API_KEY)))
			.where(k.AUDIT_DATE.between(from, to))
			.groupBy(k.AUDIT_DATE, t.TEAM_ID, k.WORKLOAD)
			.orderBy(k.AUDIT_DATE, t.TEAM_ID, k.WORKLOAD)
			.fetch()) {
			days.add(new TeamWorkloadDay(r.get(k.AUDIT_DATE), r.get(t.TEAM_ID), r.get(alias), r.get(k.WORKLOAD),
					r.get(usd), r.get(requests).longValue(), r.get(failed).longValue(), r.get(prompt).longValue(),
					r.get(completion).longValue()));
		}
		return days;
	}

	/** The key hashes of each team on the day, over every source. */
	public Map<String, Set<String>> keys(LocalDate date) {
		var t = TEAM_KEY_DAY;
		Map<String, Set<String>> keys = new TreeMap<>();
		dsl.select(t.TEAM_ID, t.API_KEY)
			.from(t)
			.where(t.AUDIT_DATE.eq(date))
			.forEach(r -> keys.computeIfAbsent(r.value1(), id -> new TreeSet<>()).add(r.value2()));
		return keys;
	}

	/** The day's teams' own budgets as read with the day, over every source. */
	public List<TeamBudgetDay> budgets(LocalDate date) {
		var b = TEAM_BUDGET_DAY;
		return dsl.selectFrom(b)
			.where(b.AUDIT_DATE.eq(date))
			.orderBy(b.TEAM_ID, b.SOURCE)
			.fetch(r -> new TeamBudgetDay(r.getTeamId(), r.getSpendUsd(), r.getMaxBudgetUsd(), r.getBudgetDuration(),
					r.getBudgetResetAtUtc()));
	}

	/**
	 * One team's (or no team's: {@code teamId} null) calls of one workload on one day.
	 *
	 * @param teamAlias the team's alias, null when it has none (or for no team)
	 */
	public record TeamWorkloadDay(LocalDate date, String teamId, String teamAlias, String workload, BigDecimal usd,
			long requests, long failedRequests, long promptTokens, long completionTokens) {
	}

	/** A team's budget counter as LiteLLM held it when the day was read. */
	public record TeamBudgetDay(String teamId, BigDecimal spendUsd, BigDecimal maxBudgetUsd, String budgetDuration,
			LocalDateTime budgetResetAtUtc) {
	}

}
