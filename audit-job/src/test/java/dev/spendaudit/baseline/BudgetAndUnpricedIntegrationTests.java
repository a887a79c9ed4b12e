package dev.spendaudit.baseline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.source.demo.LiteLlmWriter;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets projected to their next reset, and tokens without spend: unpriced unless a subscription covers the
 * model or it is listed as free.
 */
@ExtendWith(OutputCaptureExtension.class)
class BudgetAndUnpricedIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);

	static final LocalDateTime DEC_1 = LocalDateTime.of(2026, 12, 1, 0, 0);

	/** Covers glm-4.6, as the subscriptions feature would for a z.ai coding plan. */
	static final CoveredModels ZAI_PLAN = (source, model, day) -> model.equals("glm-4.6")
			? Optional.of("z.ai coding plan") : Optional.empty();

	static LiteLlmDatabase db;

	static AuditApp app;

	static JsonNode digest;

	@BeforeAll
	static void keysWithBudgetsAndZeroSpendModels(@TempDir Path out) {
		db = LiteLlmDatabase.create("budgets");
		LiteLlmWriter w = db.writer();
		List<Call> calls = new ArrayList<>();
		// $1 a day for a week on each budgeted key
		for (String alias : List.of("vk-monthly", "vk-stale-reset", "vk-weekly", "vk-roomy", "vk-pooled",
				"vk-pooled-own")) {
			w.key(hash(alias), alias, "sk-..." + alias.substring(alias.length() - 4));
			for (int d = 0; d < 7; d++) {
				calls.add(Call.of(alias + "-" + d, hash(alias), alias, "gpt-4.1-mini", "openai",
						DAY.minusDays(d).atTime(12, 0), 1.0, 100_000, 10_000));
			}
		}
		// $24 of $30 spent, 4 days to the monthly reset at $1/day: $28, 93% -> WATCH (a whole month ahead would be $54)
		w.budget(hash("vk-monthly"), 30, "1mo", DEC_1, 24);
		// the same, but the reset job lags: budget_reset_at is still Nov 1, so the next reset is Dec 1
		w.budget(hash("vk-stale-reset"), 30, "1mo", LocalDateTime.of(2026, 11, 1, 0, 0), 24);
		// $8 of $10 with 2 days to the weekly reset: $10 -> 100% -> ALERT
		w.budget(hash("vk-weekly"), 10, "7d", LocalDateTime.of(2026, 11, 29, 0, 0), 8);
		// plenty of room
		w.budget(hash("vk-roomy"), 100, "30d", LocalDateTime.of(2026, 12, 20, 0, 0), 5);
		// no budget of its own, but a shared one: $8 of the pool's $10 with 2 days to its weekly reset -> ALERT
		w.sharedBudget("pool-eval", 10, "7d", LocalDateTime.of(2026, 11, 29, 0, 0));
		w.keyBudgetId(hash("vk-pooled"), "pool-eval", 8);
		// the same pool, but a limit of its own, which wins: $8 of $100 is quiet
		w.budget(hash("vk-pooled-own"), 100, "30d", LocalDateTime.of(2026, 12, 20, 0, 0), 8);
		w.keyBudgetId(hash("vk-pooled-own"), "pool-eval", 8);

		// zero-spend calls with tokens
		for (String[] m : new String[][] { { "vk-atlas", "glm-4.6", "zai" }, { "vk-dgx", "qwen3-coder", "ollama" },
				{ "vk-mystery", "mystery-model", "openrouter" } }) {
			w.key(hash(m[0]), m[0], "sk-...0000");
			for (int i = 0; i < 3; i++) {
				calls.add(Call.of(m[0] + "-" + i, hash(m[0]), m[0], m[1], m[2], DAY.atTime(9, i), 0.0, 6_000, 700));
			}
		}
		// zero spend that is not unpriced: a failure and a cache hit
		w.key(hash("vk-flaky"), "vk-flaky", "sk-...laky");
		calls.add(Call.of("flaky-1", hash("vk-flaky"), "vk-flaky", "flaky-model", "openai", DAY.atTime(10, 0), 0.0,
				6_000, 0).asFailure());
		calls.add(Call.of("cached-1", hash("vk-flaky"), "vk-flaky", "gpt-4.1-mini", "openai", DAY.atTime(10, 1), 0.0,
				6_000, 700).asCacheHit());
		w.spendLogs(calls);

		app = AuditApp.start(db.endpoint(), CLOCK, Map.of(), Map.of("zaiPlan", ZAI_PLAN));
		DayResult result = app.run(DAY, out);
		assertThat(result.failure()).isNull();
		assertThat(DigestSchema.violations(DigestJson.read(result.digestJson()).root())).isEmpty();
		digest = DigestJson.read(result.digestJson()).root();
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void aMonthlyBudgetIsProjectedToItsResetNotAMonthAhead() {
		JsonNode monthly = finding("BUDGET", "workload:vk-monthly");
		assertThat(monthly.get("severity").asString()).isEqualTo("WATCH");
		assertThat(monthly.get("reason").asString()).isEqualTo("vk-monthly: $24.00 of its $30.00 budget spent, "
				+ "$1.00/day over the last 7 days → $28.00 by the reset on 2026-12-01; WATCH: projected 93% ≥ 80%");
		JsonNode details = monthly.get("details");
		assertThat(details.get("projectedUsd").decimalValue()).isEqualByComparingTo("28");
		assertThat(details.get("daysLeft").asDouble()).isEqualTo(4.0);
		assertThat(details.get("nextReset").asString()).isEqualTo("2026-12-01T00:00:00.000Z");
		assertThat(details.get("budgetDuration").asString()).isEqualTo("1mo");
	}

	@Test
	void aLaggingResetIsSteppedForwardByTheBudgetDuration() {
		JsonNode stale = finding("BUDGET", "workload:vk-stale-reset");
		assertThat(stale.get("severity").asString()).isEqualTo("WATCH");
		assertThat(stale.get("details").get("nextReset").asString()).isEqualTo("2026-12-01T00:00:00.000Z");
	}

	@Test
	void crossingTheBudgetBeforeTheResetIsAnAlertAndRoomIsQuiet() {
		JsonNode weekly = finding("BUDGET", "workload:vk-weekly");
		assertThat(weekly.get("severity").asString()).isEqualTo("ALERT");
		assertThat(weekly.get("details").get("projectedUsd").decimalValue()).isEqualByComparingTo("10");
		assertThat(findings("BUDGET")).hasSize(4);
	}

	@Test
	void aKeyWithoutABudgetOfItsOwnIsProjectedAgainstTheSharedBudgetItNames() {
		JsonNode pooled = finding("BUDGET", "workload:vk-pooled");
		assertThat(pooled.get("severity").asString()).isEqualTo("ALERT");
		assertThat(pooled.get("reason").asString())
			.startsWith("vk-pooled: $8.00 of its $10.00 budget (shared budget pool-eval) spent");
		JsonNode details = pooled.get("details");
		assertThat(details.get("budgetId").asString()).isEqualTo("pool-eval");
		assertThat(details.get("budgetDuration").asString()).isEqualTo("7d");
		assertThat(details.get("nextReset").asString()).isEqualTo("2026-11-29T00:00:00.000Z");
		assertThat(finding("BUDGET", "workload:vk-weekly").get("details").get("budgetId").isNull()).isTrue();
		// a key's own limit wins over the shared budget it also names
		assertThat(findings("BUDGET")).noneMatch(f -> f.get("subject").asString().equals("workload:vk-pooled-own"));
	}

	@Test
	void tokensWithoutSpendAreUnpricedUnlessCoveredOrFree() {
		List<JsonNode> unpriced = findings("UNPRICED");
		assertThat(unpriced).singleElement().satisfies(f -> {
			assertThat(f.get("subject").asString()).isEqualTo("model:mystery-model");
			assertThat(f.get("severity").asString()).isEqualTo("WATCH");
			assertThat(f.get("reason").asString()).isEqualTo("mystery-model (openrouter): 3 successful calls with 20K "
					+ "tokens logged $0.00 spend, from vk-mystery; no subscription covers it and "
					+ "spend-audit.free-models does not list it");
			assertThat(f.get("details").get("calls").asLong()).isEqualTo(3);
		});
	}

	@Test
	void withoutASubscriptionOrFreeModelsEveryZeroSpendModelIsUnpriced(@TempDir Path out) {
		try (AuditApp bare = AuditApp.start(db.endpoint(), CLOCK,
				Map.of("spend-audit.store.schema", "bare_audit", "spend-audit.free-models", ""))) {
			JsonNode bareDigest = DigestJson.read(bare.run(DAY, out).digestJson()).root();
			List<String> subjects = new ArrayList<>();
			bareDigest.get("findings").forEach(f -> {
				if (f.get("kind").asString().equals("UNPRICED")) {
					subjects.add(f.get("subject").asString());
				}
			});
			assertThat(subjects).containsExactlyInAnyOrder("model:glm-4.6", "model:mystery-model",
					"model:qwen3-coder");
		}
	}

	@Test
	void anOlderLiteLlmWithoutBudgetColumnsStillAudits(@TempDir Path out, CapturedOutput output) {
		try (LiteLlmDatabase old = LiteLlmDatabase.create("nobudget")) {
			old.execute("ALTER TABLE \"LiteLLM_VerificationToken\" DROP COLUMN max_budget, DROP COLUMN budget_duration, "
					+ "DROP COLUMN budget_reset_at");
			old.writer().spendLogs(List.of(Call.of("x", hash("vk-x"), "vk-x", "gpt-4.1-mini", "openai",
					DAY.atTime(12, 0), 0.5, 1_000, 100)));
			try (AuditApp oldApp = AuditApp.start(old.endpoint(), CLOCK, Map.of())) {
				DayResult result = oldApp.run(DAY, out);
				assertThat(result.failure()).isNull();
				assertThat(DigestJson.read(result.digestJson()).root().get("findings"))
					.noneMatch(f -> f.get("kind").asString().equals("BUDGET"));
			}
		}
		assertThat(output).contains("max_budget not found: the BUDGET rule is skipped");
	}

	@Test
	void aLiteLlmWithoutTheSharedBudgetTableStillProjectsTheKeysOwnBudgets(@TempDir Path out) {
		try (LiteLlmDatabase old = LiteLlmDatabase.create("nobudgettable")) {
			old.execute("DROP TABLE \"LiteLLM_BudgetTable\"");
			old.writer().key(hash("vk-own"), "vk-own", "sk-...-own");
			old.writer().budget(hash("vk-own"), 10, "7d", LocalDateTime.of(2026, 11, 29, 0, 0), 9.5);
			old.writer().spendLogs(List.of(Call.of("own", hash("vk-own"), "vk-own", "gpt-4.1-mini", "openai",
					DAY.atTime(12, 0), 2.0, 1_000, 100)));
			try (AuditApp oldApp = AuditApp.start(old.endpoint(), CLOCK, Map.of())) {
				DayResult result = oldApp.run(DAY, out);
				assertThat(result.failure()).isNull();
				assertThat(DigestJson.read(result.digestJson()).root().get("findings"))
					.anyMatch(f -> f.get("kind").asString().equals("BUDGET")
							&& f.get("subject").asString().equals("workload:vk-own"));
			}
		}
	}

	static JsonNode finding(String kind, String subject) {
		return findings(kind).stream().filter(f -> f.get("subject").asString().equals(subject)).findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " finding for " + subject + " in " + digest.get("findings")));
	}

	static List<JsonNode> findings(String kind) {
		List<JsonNode> found = new ArrayList<>();
		digest.get("findings").forEach(f -> {
			if (f.get("kind").asString().equals(kind)) {
				found.add(f);
			}
		});
		return found;
	}

	static String hash(String alias) {
		return KeyHash.of("sk-" + alias);
	}

}
