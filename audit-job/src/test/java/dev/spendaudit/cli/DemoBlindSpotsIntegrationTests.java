package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo shows the three blind spots on yesterday: a logging hole the daily aggregates saw, two flat-fee plans,
 * and the retiring keys' checklist.
 */
class DemoBlindSpotsIntegrationTests {

	@Test
	void demoDigestHasAllThreeSections(@TempDir Path out) throws Exception {
		CliIntegrationTests.Result r = CliIntegrationTests.cli("demo", "--out", out.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).contains("Spend log: LOGGING_OFF").contains("z.ai GLM Coding Pro").contains("Retiring keys:");
		Path json;
		try (var files = Files.list(out)) {
			json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
		}
		JsonNode digest = DigestJson.read(json).root();
		assertThat(DigestSchema.violations(digest)).isEmpty();

		JsonNode freshness = digest.get("freshness");
		assertThat(freshness.get("status").asString()).isEqualTo("LOGGING_OFF");
		assertThat(freshness.get("maxGapHours").decimalValue()).isBetween(new java.math.BigDecimal("7"),
				new java.math.BigDecimal("8"));
		JsonNode hours = freshness.get("uncaptured").get("silentHours");
		assertThat(hours).hasSize(1);
		assertThat(hours.get(0).get("from").asString()).endsWith("T20:00:00.000Z");
		assertThat(hours.get(0).get("to").asString()).endsWith("T02:00:00.000Z");
		assertThat(freshness.get("uncaptured").get("requests").asLong()).isPositive();
		assertThat(freshness.get("canary").get("silent").asBoolean()).isTrue();

		List<String> plans = new ArrayList<>();
		digest.get("subscriptions").forEach(p -> plans.add(p.get("name").asString()));
		assertThat(plans).containsExactly("z.ai GLM Coding Pro", "Kimi");
		digest.get("subscriptions").forEach(p -> {
			assertThat(p.get("requests").asLong()).isPositive();
			assertThat(p.get("usdPerMillionTokens").decimalValue()).isPositive();
		});
		assertThat(digest.get("totalUsd").decimalValue()).isGreaterThan(digest.get("metered").get("usd").decimalValue());

		List<String> verdicts = new ArrayList<>();
		digest.get("retiringKeys").forEach(k -> verdicts.add(k.get("key").asString() + "=" + k.get("verdict").asString()));
		assertThat(verdicts).hasSize(3)
			.contains("vk-mac-shared=ACTIVE", "sk-...0ld1=QUIETING")
			.anyMatch(v -> v.endsWith("=SAFE_TO_REVOKE"));
		JsonNode shared = digest.get("retiringKeys").get(0);
		assertThat(shared.get("callers").get("requesterIps").get(0).get("value").asString()).isEqualTo("10.0.0.42");

		List<String> kinds = new ArrayList<>();
		digest.get("findings").forEach(f -> kinds.add(f.get("severity").asString() + " " + f.get("kind").asString()));
		assertThat(kinds).contains("ALERT LOGGING_OFF", "ALERT CANARY_SILENT", "WATCH RETIRING_KEY_ACTIVE");
		assertThat(digest.get("status").asString()).isEqualTo("ALERT");
	}

}
