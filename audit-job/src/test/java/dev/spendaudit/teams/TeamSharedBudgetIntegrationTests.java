package dev.spendaudit.teams;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.source.demo.LiteLlmWriter;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team without a limit of its own whose LiteLLM version gives teams a {@code budget_id}: projected against the
 * shared budget it names, as a key is.
 */
class TeamSharedBudgetIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	@Test
	void aTeamIsProjectedAgainstTheSharedBudgetItNames(@TempDir Path out) {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("teampool")) {
			db.execute("ALTER TABLE \"LiteLLM_TeamTable\" ADD COLUMN budget_id TEXT");
			LiteLlmWriter w = db.writer();
			w.sharedBudget("pool-team", 10, "7d", LocalDateTime.of(2026, 11, 29, 0, 0));
			w.team("team-p", "Pool");
			db.execute("UPDATE \"LiteLLM_TeamTable\" SET budget_id = 'pool-team', spend = 8 WHERE team_id = 'team-p'");
			String key = KeyHash.of("sk-pool-member");
			w.key(key, "vk-pool-member", "sk-...mber");
			w.keyTeam(key, "team-p");
			List<Call> calls = new ArrayList<>();
			for (int d = 0; d < 7; d++) {
				calls.add(Call.of("p-" + d, key, null, "gpt-4.1-mini", "openai", DAY.minusDays(d).atTime(12, 0), 1.0,
						1000, 100));
			}
			w.spendLogs(calls);
			Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
			try (AuditApp app = AuditApp.start(db.endpoint(), clock, Map.of())) {
				DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
				assertThat(DigestSchema.violations(digest.root())).isEmpty();
				JsonNode budget = null;
				for (JsonNode f : digest.root().get("findings")) {
					if (f.get("kind").asString().equals("BUDGET") && f.get("subject").asString().equals("team:Pool")) {
						budget = f;
					}
				}
				assertThat(budget).as("BUDGET for team:Pool in " + digest.root().get("findings")).isNotNull();
				assertThat(budget.get("severity").asString()).isEqualTo("ALERT");
				assertThat(budget.get("details").get("maxBudgetUsd").decimalValue()).isEqualByComparingTo("10");
				assertThat(budget.get("details").get("budgetDuration").asString()).isEqualTo("7d");
			}
		}
	}

}
