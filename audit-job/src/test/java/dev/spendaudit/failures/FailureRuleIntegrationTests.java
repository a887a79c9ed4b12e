package dev.spendaudit.failures;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule added as one class, its settings and its test: FAILURES goes through the findings pipeline like every
 * other rule, so it has its id, its place in the day's order, the schema and its memory (RESOLVED the next day).
 */
class FailureRuleIntegrationTests {

	static final String KEY = KeyHash.of("sk-hermes-0001");

	static LiteLlmDatabase db;

	static AuditApp app;

	@TempDir
	static Path out;

	@BeforeAll
	static void start() {
		db = LiteLlmDatabase.create("failures");
		db.writer().key(KEY, "vk-hermes", "sk-...0001");
		List<Call> calls = new ArrayList<>();
		for (Call c : Traffic.every(Duration.ofMinutes(15), LocalDateTime.of(2026, 11, 24, 0, 0),
				LocalDateTime.of(2026, 11, 27, 0, 0), KEY, "vk-hermes", "gpt-4.1-mini", "openai", 0.001)) {
			// on the 25th, the provider key expired at noon: every call after it failed
			boolean failed = c.startTimeUtc().isAfter(LocalDateTime.of(2026, 11, 25, 12, 0))
					&& c.startTimeUtc().isBefore(LocalDateTime.of(2026, 11, 26, 0, 0));
			calls.add(failed ? c.asFailure() : c);
		}
		db.writer().spendLogs(calls);
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC),
				Map.of());
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void aWorkloadFailingHalfItsCallsIsAWatchThenResolved() {
		DigestJson failing = audit(LocalDate.of(2026, 11, 25));
		JsonNode f = finding(failing, "FAILURES");
		assertThat(f).isNotNull();
		assertThat(f.get("severity").asString()).isEqualTo("WATCH");
		assertThat(f.get("subject").asString()).isEqualTo("workload:vk-hermes");
		assertThat(f.get("reason").asString()).startsWith("vk-hermes: 47 of 96 requests failed (49%");
		assertThat(f.get("details").get("failedRequests").asLong()).isEqualTo(47);
		assertThat(failing.root().get("status").asString()).isEqualTo("WATCH");
		assertThat(DigestSchema.violations(failing.root())).isEmpty();

		DigestJson mended = audit(LocalDate.of(2026, 11, 26));
		JsonNode resolved = finding(mended, "FAILURES");
		assertThat(resolved.get("severity").asString()).isEqualTo("INFO");
		assertThat(resolved.get("details").get("state").get("state").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("id").asString()).isEqualTo(f.get("id").asString());
		assertThat(DigestSchema.violations(mended.root())).isEmpty();
	}

	static DigestJson audit(LocalDate day) {
		DayResult result = app.run(day, out);
		assertThat(result.failure()).isNull();
		return DigestJson.read(result.digestJson());
	}

	static JsonNode finding(DigestJson digest, String kind) {
		for (JsonNode f : digest.root().get("findings")) {
			if (f.get("kind").asString().equals(kind)) {
				return f;
			}
		}
		return null;
	}

}
