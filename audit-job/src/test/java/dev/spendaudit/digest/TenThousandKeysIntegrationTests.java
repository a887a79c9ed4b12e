package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day with 10,000 one-off keys (a client minting a key per call), and 150 known workloads each trying a new
 * model: the burst is one NEW_WORKLOAD finding; the 150 NEW_MODEL findings keep 100 in the JSON and fold the rest
 * into {@code findingsFolded}, and the digest shows 5 and one line for the rest; the mail stays small.
 */
class TenThousandKeysIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final int MINTED = 10_000;

	static final int TEAMS = 150;

	@Test
	void aBurstOfNewKeysIsOneFindingAndManyOfAKindFold(@TempDir Path out) throws Exception {
		Map<String, Double> stepSeconds;
		try (LiteLlmDatabase db = LiteLlmDatabase.create("tenthousand")) {
			db.execute("INSERT INTO \"LiteLLM_VerificationToken\" (token, key_alias, key_name)"
					+ " SELECT encode(sha256(convert_to('sk-minted-' || g, 'UTF8')), 'hex'), 'vk-minted-' || g,"
					+ " 'sk-...' || lpad(g::text, 5, '0') FROM generate_series(1, " + MINTED + ") g");
			List<Call> calls = new ArrayList<>();
			for (int t = 0; t < TEAMS; t++) {
				String key = KeyHash.of("sk-team-" + t);
				db.writer().key(key, "vk-team-" + t, "sk-...t" + t);
				calls.add(Call.of("team-" + t + "-before", key, "vk-team-" + t, "model-a", "openai",
						DAY.minusDays(1).atTime(9, 0), 0.01, 100, 10));
				calls.add(Call.of("team-" + t, key, "vk-team-" + t, "model-b", "openai", DAY.atTime(9, 0),
						0.01 + 0.0001 * t, 100, 10));
			}
			for (int k = 1; k <= MINTED; k++) {
				calls.add(Call.of("minted-" + k, KeyHash.of("sk-minted-" + k), "vk-minted-" + k, "gpt-4.1-nano",
						"openai", DAY.atTime(10, 0).plusSeconds(k), 0.0001, 50, 5));
			}
			db.writer().spendLogs(calls);
			try (AuditApp app = AuditApp.start(db.endpoint(),
					Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC), Map.of())) {
				assertThat(app.run(DAY.minusDays(1), out).succeeded()).isTrue();
				DayResult day = app.run(DAY, out);
				assertThat(day.failure()).isNull();
				stepSeconds = app.store()
					.fetch("select step_name, extract(epoch from end_time - start_time) from batch_step_execution"
							+ " where job_execution_id = ?", day.executionId())
					.intoMap(r -> r.get(0, String.class), r -> r.get(1, Double.class));
			}
		}
		JsonNode digest = DigestJson.read(out.resolve("digest-2026-11-26.json")).root();
		assertThat(DigestSchema.violations(digest)).isEmpty();
		assertThat(digest.get("workloads")).hasSize(MINTED + TEAMS);

		List<JsonNode> newWorkloads = kind(digest, "NEW_WORKLOAD");
		assertThat(newWorkloads).as("the burst is one finding").hasSize(1);
		JsonNode burst = newWorkloads.get(0);
		assertThat(burst.get("subject").asString()).isEqualTo("workloads:new");
		assertThat(burst.get("details").get("workloads").asInt()).isEqualTo(MINTED);
		assertThat(burst.get("details").get("largest")).hasSize(5);
		assertThat(burst.get("actualUsd").decimalValue()).isEqualByComparingTo(new BigDecimal("1.0000"));
		assertThat(burst.get("reason").asString()).startsWith("10,000 workloads made their first calls in 28 days");

		List<JsonNode> newModels = kind(digest, "NEW_MODEL");
		assertThat(newModels).as("at most 100 of a kind in the JSON").hasSize(100);
		assertThat(newModels.get(0).get("subject").asString()).as("the largest first")
			.isEqualTo("workload:vk-team-149/model:model-b");
		JsonNode folded = digest.get("findingsFolded");
		assertThat(folded).hasSize(1);
		assertThat(folded.get(0).get("kind").asString()).isEqualTo("NEW_MODEL");
		assertThat(folded.get(0).get("severity").asString()).isEqualTo("INFO");
		assertThat(folded.get(0).get("count").asInt()).isEqualTo(TEAMS - 100);
		// the 50 smallest: 0.01 + 0.0001·t for t = 0..49
		assertThat(folded.get(0).get("usd").decimalValue()).isEqualByComparingTo(new BigDecimal("0.6225"));

		String html = Files.readString(out.resolve("digest-2026-11-26.html"));
		// shown: t = 145..149; folded: t = 0..144, 145 × $0.01 + $0.0001 × (0 + ... + 144)
		assertThat(html).contains("and 145 more NEW_MODEL findings, $2.49");
		assertThat(html.split("vk-team-\\d+/model:model-b", -1)).as("5 NEW_MODEL findings by name").hasSize(6);
		String text = Files.readString(out.resolve("digest-2026-11-26.txt"));
		assertThat(text).contains("  and 145 more NEW_MODEL findings, $2.49");
		assertThat(Files.size(out.resolve("digest-2026-11-26.eml"))).as("the mail").isLessThan(1_000_000);
		// the findings and the digest do not grow with the keys (the rollup's key lookups are its own matter)
		assertThat(stepSeconds.get("detectFindings") + stepSeconds.get("writeDigest")).as("seconds, " + stepSeconds)
			.isLessThan(90);
	}

	static List<JsonNode> kind(JsonNode digest, String kind) {
		List<JsonNode> found = new ArrayList<>();
		digest.get("findings").forEach(f -> {
			if (f.get("kind").asString().equals(kind)) {
				found.add(f);
			}
		});
		return found;
	}

}
