package dev.spendaudit.source.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.spendaudit.source.litellm.tables.records.LitellmDailyuserspendRecord;
import dev.spendaudit.source.litellm.tables.records.LitellmSpendlogsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static dev.spendaudit.source.litellm.Tables.LITELLM_BUDGETTABLE;
import static dev.spendaudit.source.litellm.Tables.LITELLM_DELETEDVERIFICATIONTOKEN;
import static dev.spendaudit.source.litellm.Tables.LITELLM_DEPRECATEDVERIFICATIONTOKEN;
import static dev.spendaudit.source.litellm.Tables.LITELLM_TEAMTABLE;
import static dev.spendaudit.source.litellm.Tables.LITELLM_VERIFICATIONTOKEN;

/**
 * Writes LiteLLM-shaped data the way the proxy would: the pinned DDL, keys, deleted and rotated keys, spend-log
 * rows and daily aggregates. The demo and the tests build their databases with it; the audit itself never writes
 * to a LiteLLM database.
 */
public final class LiteLlmWriter {

	private final DSLContext dsl;

	public LiteLlmWriter(DataSource dataSource) {
		this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
	}

	/** Runs the pinned LiteLLM DDL ({@code sql/litellm}) verbatim. */
	public void applySchema() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/litellm/*.sql");
			Arrays.sort(scripts, Comparator.comparing(Resource::getFilename));
			for (Resource script : scripts) {
				dsl.execute(script.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void key(String token, String alias, String keyName) {
		dsl.insertInto(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.TOKEN, token)
			.set(LITELLM_VERIFICATIONTOKEN.KEY_ALIAS, alias)
			.set(LITELLM_VERIFICATIONTOKEN.KEY_NAME, keyName)
			.execute();
	}

	/** Creates a team, as {@code /team/new} does; {@code alias} may be null. */
	public void team(String teamId, String alias) {
		dsl.insertInto(LITELLM_TEAMTABLE)
			.set(LITELLM_TEAMTABLE.TEAM_ID, teamId)
			.set(LITELLM_TEAMTABLE.TEAM_ALIAS, alias)
			.execute();
	}

	/** Gives a team its own budget and the spend counter LiteLLM keeps for the current period. */
	public void teamBudget(String teamId, double maxBudget, String duration, LocalDateTime resetAtUtc, double spend) {
		dsl.update(LITELLM_TEAMTABLE)
			.set(LITELLM_TEAMTABLE.MAX_BUDGET, maxBudget)
			.set(LITELLM_TEAMTABLE.BUDGET_DURATION, duration)
			.set(LITELLM_TEAMTABLE.BUDGET_RESET_AT, resetAtUtc)
			.set(LITELLM_TEAMTABLE.SPEND, spend)
			.where(LITELLM_TEAMTABLE.TEAM_ID.eq(teamId))
			.execute();
	}

	/** Puts a live key in a team ({@code team_id}; the team need not exist, as LiteLLM allows). */
	public void keyTeam(String token, String teamId) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.TEAM_ID, teamId)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token))
			.execute();
	}

	/**
	 * Gives a live key its own budget, as {@code /key/generate} with {@code max_budget} and
	 * {@code budget_duration} does, with the spend counter LiteLLM keeps for the current period.
	 */
	public void budget(String token, double maxBudget, String duration, LocalDateTime resetAtUtc, double spend) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.MAX_BUDGET, maxBudget)
			.set(LITELLM_VERIFICATIONTOKEN.BUDGET_DURATION, duration)
			.set(LITELLM_VERIFICATIONTOKEN.BUDGET_RESET_AT, resetAtUtc)
			.set(LITELLM_VERIFICATIONTOKEN.SPEND, spend)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token))
			.execute();
	}

	/** Creates a shared budget ({@code "LiteLLM_BudgetTable"}), as {@code /budget/new} does. */
	public void sharedBudget(String budgetId, double maxBudget, String duration, LocalDateTime resetAtUtc) {
		dsl.insertInto(LITELLM_BUDGETTABLE)
			.set(LITELLM_BUDGETTABLE.BUDGET_ID, budgetId)
			.set(LITELLM_BUDGETTABLE.MAX_BUDGET, maxBudget)
			.set(LITELLM_BUDGETTABLE.BUDGET_DURATION, duration)
			.set(LITELLM_BUDGETTABLE.BUDGET_RESET_AT, resetAtUtc)
			.set(LITELLM_BUDGETTABLE.CREATED_BY, "admin")
			.set(LITELLM_BUDGETTABLE.UPDATED_BY, "admin")
			.execute();
	}

	/** Gives a key a shared budget ({@code budget_id}) and its spend counter for the current period. */
	public void keyBudgetId(String token, String budgetId, double spend) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.BUDGET_ID, budgetId)
			.set(LITELLM_VERIFICATIONTOKEN.SPEND, spend)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token))
			.execute();
	}

	/** Sets a key's budget counter {@code spend} and when it is next reset, as the proxy's spend writer would. */
	public void keySpend(String token, double spend, LocalDateTime budgetResetAtUtc) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.SPEND, spend)
			.set(LITELLM_VERIFICATIONTOKEN.BUDGET_RESET_AT, budgetResetAtUtc)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token))
			.execute();
	}

	/** Sets a key's lifetime {@code total_spend} (LiteLLM v1.103+) and its {@code last_active}. */
	public void keyTotals(String token, double totalSpend, LocalDateTime lastActiveUtc) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.TOTAL_SPEND, totalSpend)
			.set(LITELLM_VERIFICATIONTOKEN.LAST_ACTIVE, lastActiveUtc)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token))
			.execute();
	}

	public void renameKey(String token, String newAlias) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.KEY_ALIAS, newAlias)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token))
			.execute();
	}

	/** Deletes a live key the way LiteLLM does: an audit copy first, then the row. */
	public void deleteKey(String token, LocalDateTime deletedAtUtc) {
		var live = dsl.selectFrom(LITELLM_VERIFICATIONTOKEN).where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token)).fetchOne();
		dsl.insertInto(LITELLM_DELETEDVERIFICATIONTOKEN)
			.set(LITELLM_DELETEDVERIFICATIONTOKEN.ID, UUID.randomUUID().toString())
			.set(LITELLM_DELETEDVERIFICATIONTOKEN.TOKEN, token)
			.set(LITELLM_DELETEDVERIFICATIONTOKEN.KEY_ALIAS, live.getKeyAlias())
			.set(LITELLM_DELETEDVERIFICATIONTOKEN.KEY_NAME, live.getKeyName())
			.set(LITELLM_DELETEDVERIFICATIONTOKEN.TEAM_ID, live.getTeamId())
			.set(LITELLM_DELETEDVERIFICATIONTOKEN.DELETED_AT, deletedAtUtc)
			.execute();
		dsl.deleteFrom(LITELLM_VERIFICATIONTOKEN).where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(token)).execute();
	}

	/** Rotates a live key: it gets a new hash, and the old hash maps to it during the grace period. */
	public void rotateKey(String oldToken, String newToken, LocalDateTime revokeAtUtc) {
		dsl.update(LITELLM_VERIFICATIONTOKEN)
			.set(LITELLM_VERIFICATIONTOKEN.TOKEN, newToken)
			.where(LITELLM_VERIFICATIONTOKEN.TOKEN.eq(oldToken))
			.execute();
		dsl.insertInto(LITELLM_DEPRECATEDVERIFICATIONTOKEN)
			.set(LITELLM_DEPRECATEDVERIFICATIONTOKEN.ID, UUID.randomUUID().toString())
			.set(LITELLM_DEPRECATEDVERIFICATIONTOKEN.TOKEN, oldToken)
			.set(LITELLM_DEPRECATEDVERIFICATIONTOKEN.ACTIVE_TOKEN_ID, newToken)
			.set(LITELLM_DEPRECATEDVERIFICATIONTOKEN.REVOKE_AT, revokeAtUtc)
			.execute();
	}

	/** Writes spend-log rows; columns left null are omitted, so older schemas without them take the rows too. */
	public void spendLogs(List<Call> calls) {
		List<LitellmSpendlogsRecord> records = new ArrayList<>(calls.size());
		for (Call c : calls) {
			LitellmSpendlogsRecord r = dsl.newRecord(dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS);
			r.setRequestId(c.requestId());
			r.setCallType("acompletion");
			r.setApiKey(c.apiKey());
			r.setSpend(c.spend());
			r.setPromptTokens(c.promptTokens());
			r.setCompletionTokens(c.completionTokens());
			r.setTotalTokens(c.promptTokens() + c.completionTokens());
			r.setStarttime(c.startTimeUtc());
			r.setEndtime(c.startTimeUtc().plusSeconds(2));
			r.setModel(c.model());
			setIfPresent(r, c);
			records.add(r);
		}
		for (int from = 0; from < records.size(); from += 2_000) {
			dsl.batchInsert(records.subList(from, Math.min(records.size(), from + 2_000))).execute();
		}
	}

	private static void setIfPresent(LitellmSpendlogsRecord r, Call c) {
		if (c.modelGroup() != null) {
			r.setModelGroup(c.modelGroup());
		}
		if (c.provider() != null) {
			r.setCustomLlmProvider(c.provider());
		}
		if (c.metadata() != null) {
			r.setMetadata(JSONB.valueOf(c.metadata()));
		}
		if (c.status() != null) {
			r.setStatus(c.status());
		}
		if (c.cacheHit() != null) {
			r.setCacheHit(c.cacheHit());
		}
		if (c.user() != null) {
			r.setUser(c.user());
		}
		if (c.endUser() != null) {
			r.setEndUser(c.endUser());
		}
		if (c.requesterIp() != null) {
			r.setRequesterIpAddress(c.requesterIp());
		}
		if (c.requestTags() != null) {
			r.setRequestTags(JSONB.valueOf(c.requestTags()));
		}
	}

	/** Adds the calls to {@code "LiteLLM_DailyUserSpend"} per UTC date, key, model and provider, as the proxy does. */
	public void dailyAggregates(List<Call> calls) {
		Map<List<String>, List<Call>> buckets = calls.stream()
			.collect(Collectors.groupingBy(c -> List.of(c.startTimeUtc().toLocalDate().toString(), c.apiKey(),
					c.model(), String.valueOf(c.modelGroup()), String.valueOf(c.provider()))));
		List<LitellmDailyuserspendRecord> records = new ArrayList<>();
		buckets.forEach((bucket, group) -> {
			LitellmDailyuserspendRecord r = dsl.newRecord(dev.spendaudit.source.litellm.Tables.LITELLM_DAILYUSERSPEND);
			r.setId(UUID.randomUUID().toString());
			r.setUserId("default_user_id");
			r.setDate(bucket.get(0));
			r.setApiKey(bucket.get(1));
			r.setModel(bucket.get(2));
			r.setModelGroup(group.get(0).modelGroup());
			r.setCustomLlmProvider(group.get(0).provider());
			r.setPromptTokens(group.stream().mapToLong(Call::promptTokens).sum());
			r.setCompletionTokens(group.stream().mapToLong(Call::completionTokens).sum());
			r.setSpend(group.stream().mapToDouble(Call::spend).sum());
			r.setApiRequests((long) group.size());
			long failed = group.stream().filter(c -> "failure".equals(c.status())).count();
			r.setFailedRequests(failed);
			r.setSuccessfulRequests(group.size() - failed);
			r.setUpdatedAt(LocalDateTime.now());
			records.add(r);
		});
		dsl.batchInsert(records).execute();
	}

	public DSLContext dsl() {
		return dsl;
	}

}
