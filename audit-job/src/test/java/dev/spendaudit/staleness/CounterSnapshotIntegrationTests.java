package dev.spendaudit.staleness;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import dev.spendaudit.testsupport.MutableClock;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.store.jooq.Tables.KEY_COUNTER_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LiteLLM with no daily aggregate table and no lifetime {@code total_spend}: the capture check compares the
 * keys' {@code spend} counters between two nightly snapshots, including a key whose budget was reset in between.
 */
class CounterSnapshotIntegrationTests {

	static final LocalDate FIRST = LocalDate.of(2026, 11, 25);

	static final LocalDate SECOND = FIRST.plusDays(1);

	static final String KEY_A = KeyHash.of("sk-counter-a");

	static final String KEY_B = KeyHash.of("sk-counter-b");

	@Test
	void countersThatGrewMoreThanTheLogAreLoggingOff(@TempDir Path out) {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("counters")) {
			db.execute("DROP TABLE \"LiteLLM_DailyUserSpend\"");
			db.execute("ALTER TABLE \"LiteLLM_VerificationToken\" DROP COLUMN total_spend");
			db.writer().key(KEY_A, "vk-a", "sk-...er-a");
			db.writer().key(KEY_B, "vk-b", "sk-...er-b");
			List<Call> first = day(FIRST);
			List<Call> second = day(SECOND);
			db.writer().spendLogs(first);
			LocalDateTime resetAt = SECOND.atTime(12, 0);
			db.writer().keySpend(KEY_A, spend(first, KEY_A), null);
			db.writer().keySpend(KEY_B, spend(first, KEY_B), resetAt);
			MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
			try (AuditApp app = AuditApp.start(db.endpoint(), clock, Map.of())) {
				JsonNode firstNight = audit(app, FIRST, out);
				assertThat(firstNight.get("status").asString()).isEqualTo("OK");
				assertThat(firstNight.get("signal").asString()).as("one snapshot is not a comparison yet").isEqualTo("NONE");
				assertThat(app.store().fetchCount(KEY_COUNTER_SNAPSHOT)).isEqualTo(2);

				// the second day: spend logs go off at 14:00, the counters keep counting; vk-b's budget resets at noon
				db.writer().spendLogs(Traffic.without(second, SECOND.atTime(14, 0), SECOND.plusDays(1).atStartOfDay()));
				db.writer().keySpend(KEY_A, spend(first, KEY_A) + spend(second, KEY_A), null);
				db.writer().keySpend(KEY_B, spend(Traffic.within(second, resetAt, SECOND.plusDays(1).atStartOfDay()), KEY_B),
						resetAt.plusDays(1));
				clock.advance(Duration.ofDays(1));

				JsonNode f = audit(app, SECOND, out);
				assertThat(f.get("status").asString()).isEqualTo("LOGGING_OFF");
				assertThat(f.get("signal").asString()).isEqualTo("KEY_COUNTERS");
				JsonNode uncaptured = f.get("uncaptured");
				assertThat(uncaptured.get("requests").isNull()).as("counters know money, not requests").isTrue();
				// vk-a: 18 calls after 14:00 at $0.01; vk-b: 12 calls after 14:00 at $0.05, counted since its reset
				assertThat(uncaptured.get("usd").decimalValue()).isEqualByComparingTo("0.78");
				JsonNode a = key(uncaptured, "vk-a");
				assertThat(a.get("from").asString()).isEqualTo("2026-11-26T06:00:00.000Z");
				assertThat(a.get("to").asString()).isEqualTo("2026-11-27T06:00:00.000Z");
				assertThat(a.get("uncapturedUsd").decimalValue()).isEqualByComparingTo("0.18");
				JsonNode b = key(uncaptured, "vk-b");
				assertThat(b.get("from").asString()).as("compared from the budget reset").isEqualTo("2026-11-26T12:00:00.000Z");
				assertThat(b.get("expectedUsd").decimalValue()).isEqualByComparingTo("0.8");
				assertThat(b.get("loggedUsd").decimalValue()).isEqualByComparingTo("0.2");
				assertThat(uncaptured.get("silentHours").toString()).contains("2026-11-26T14:00:00.000Z");
				assertThat(f.get("explanation").asString()).contains("spend counters grew $0.78 more than the spend log");
				assertThat(app.store().fetchCount(KEY_COUNTER_SNAPSHOT)).isEqualTo(4);

				// rerunning the same night replaces that night's snapshot, never duplicates it
				audit(app, SECOND, out);
				assertThat(app.store().fetchCount(KEY_COUNTER_SNAPSHOT)).isEqualTo(4);
			}
		}
	}

	/** vk-a every 20 minutes at $0.01 and vk-b every 30 minutes at $0.05, 10:00 to 20:00. */
	static List<Call> day(LocalDate date) {
		List<Call> calls = new ArrayList<>(Traffic.every(Duration.ofMinutes(20), date.atTime(10, 0), date.atTime(20, 0),
				KEY_A, "vk-a", "gpt-4.1-mini", "openai", 0.01));
		calls.addAll(Traffic.every(Duration.ofMinutes(30), date.atTime(10, 0), date.atTime(20, 0), KEY_B, "vk-b",
				"claude-sonnet-4", "anthropic", 0.05));
		return calls;
	}

	static double spend(List<Call> calls, String key) {
		return Traffic.spend(calls.stream().filter(c -> c.apiKey().equals(key)).toList());
	}

	static JsonNode audit(AuditApp app, LocalDate day, Path out) {
		DayResult result = app.run(day, out);
		assertThat(result.failure()).isNull();
		JsonNode digest = DigestJson.read(result.digestJson()).root();
		assertThat(DigestSchema.violations(digest)).isEmpty();
		return digest.get("freshness");
	}

	static JsonNode key(JsonNode uncaptured, String workload) {
		for (JsonNode k : uncaptured.get("keys")) {
			if (k.get("workload").asString().equals(workload)) {
				return k;
			}
		}
		throw new AssertionError("no " + workload + " in " + uncaptured);
	}

}
