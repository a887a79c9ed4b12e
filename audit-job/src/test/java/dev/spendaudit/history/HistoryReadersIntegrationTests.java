package dev.spendaudit.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure about past days comes from the history, never from LiteLLM's tables again: once the days before
 * are stored, deleting them from the spend log (LiteLLM's retention) changes nothing in a rerun of the day, not
 * the comparisons, the baseline, the plans' 30-day figures and month to date, nor a retiring key's week.
 */
class HistoryReadersIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final String SQUAD = KeyHash.of("sk-squad");

	static final String HERMES = KeyHash.of("sk-hermes");

	static final String OLD = KeyHash.of("sk-old-shared");

	@Test
	void pastDaysAreReadFromTheHistoryNotFromTheSpendLog(@TempDir Path out) {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("readers")) {
			db.writer().key(SQUAD, "vk-squad", "sk-...quad");
			db.writer().key(HERMES, "vk-hermes", "sk-...rmes");
			db.writer().key(OLD, "vk-old-shared", "sk-...ared");
			List<Call> calls = new ArrayList<>();
			for (LocalDate d = DAY.minusDays(40); !d.isAfter(DAY); d = d.plusDays(1)) {
				calls.add(Call.of("glm-" + d, SQUAD, "vk-squad", "glm-4.6", "zai", d.atTime(9, 0), 0, 3_000, 500));
				// a little more every day, so the averages of different windows differ
				calls.addAll(Traffic.every(Duration.ofHours(6), d.atStartOfDay(), d.plusDays(1).atStartOfDay(), HERMES,
						"vk-hermes", "gpt-4.1-mini", "openai", 0.01 + d.getDayOfMonth() / 1000.0));
				if (d.isBefore(DAY.minusDays(2))) {
					calls.add(Call.of("old-" + d, OLD, "vk-old-shared", "gpt-4.1-mini", "openai", d.atTime(12, 0), 0.05,
							800, 100));
				}
			}
			db.writer().spendLogs(calls);
			Map<String, String> settings = Map.of("spend-audit.subscriptions[0].name", "GLM",
					"spend-audit.subscriptions[0].fee-usd", "30", "spend-audit.subscriptions[0].period", "monthly",
					"spend-audit.subscriptions[0].models[0]", "glm-*", "spend-audit.retiring-keys[0].key",
					"vk-old-shared", "spend-audit.retiring-keys[0].quiet-days", "7");
			try (AuditApp app = AuditApp.start(db.endpoint(),
					Clock.fixed(Instant.parse("2026-11-27T06:15:00Z"), ZoneOffset.UTC), settings)) {
				JsonNode first = audit(app, out);
				assertThat(first.get("subscriptions").get(0).get("requests30d").asLong()).isEqualTo(30);
				assertThat(first.get("retiringKeys").get(0).get("requests7d").asLong()).isEqualTo(4);
				assertThat(first.get("history").get("last30Days").get("auditedDays").asInt()).isEqualTo(30);

				// LiteLLM's retention drops every row before the audited day
				db.execute("delete from \"LiteLLM_SpendLogs\" where \"startTime\" < '" + DAY + " 00:00'");
				JsonNode rerun = audit(app, out);
				assertThat(rerun.get("history")).isEqualTo(first.get("history"));
				assertThat(rerun.get("baseline")).isEqualTo(first.get("baseline"));
				assertThat(rerun.get("subscriptions")).isEqualTo(first.get("subscriptions"));
				assertThat(rerun.get("costs")).isEqualTo(first.get("costs"));
				JsonNode key = rerun.get("retiringKeys").get(0);
				JsonNode was = first.get("retiringKeys").get(0);
				for (String field : List.of("workload", "lastSeen", "requests24h", "requests7d", "usd7d", "verdict",
						"models")) {
					assertThat(key.get(field)).as(field).isEqualTo(was.get(field));
				}
			}
		}
	}

	static JsonNode audit(AuditApp app, Path out) {
		DayResult result = app.run(DAY, out);
		assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
		DigestJson digest = DigestJson.read(result.digestJson());
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
		return digest.root();
	}

}
