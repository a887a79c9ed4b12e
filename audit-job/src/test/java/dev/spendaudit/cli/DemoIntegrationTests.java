package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code demo} builds its own LiteLLM database in an embedded PostgreSQL, audits
 * yesterday and writes a digest that conforms to the published JSON Schema.
 */
class DemoIntegrationTests {

	@Test
	void demoAuditsYesterdayWithEveryAttributionRule(@TempDir Path out) throws Exception {
		CliIntegrationTests.Result r = CliIntegrationTests.cli("demo", "--out", out.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).contains("Digest JSON: ").contains("vk-hermes");
		Path json;
		try (var files = Files.list(out)) {
			json = files.filter(p -> p.getFileName().toString().matches("digest-\\d{4}-\\d\\d-\\d\\d\\.json"))
				.findFirst()
				.orElseThrow();
		}
		DigestJson digest = DigestJson.read(json);
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
		Set<String> rules = new HashSet<>();
		digest.root().get("workloads").forEach(w -> rules.add(w.get("attribution").asString()));
		assertThat(rules).contains("KEY_ALIAS", "DELETED_KEY", "ROTATED_KEY", "REQUEST_ALIAS", "KEY_NAME",
				"MASTER_KEY", "UNKNOWN_KEY");
		assertThat(digest.root().get("workloads").size()).isGreaterThanOrEqualTo(12);
		assertThat(digest.root().get("metered").get("failedRequests").asLong()).isPositive();
		assertThat(digest.root().get("metered").get("cacheHits").asLong()).isPositive();
		assertThat(digest.root().get("anomalousRows").get("invalidSpend").asLong()).isEqualTo(1);
		// the digest rendered next to the JSON, with the 30 days before rolled up for its charts; never mailed
		String day = digest.root().get("date").asString();
		assertThat(digest.root().get("history").get("last30Days").get("auditedDays").asInt()).isEqualTo(30);
		assertThat(r.out()).contains("Digest HTML: ").contains("Digest mail: ");
		String html = Files.readString(out.resolve("digest-" + day + ".html"));
		assertThat(html).contains("src=\"digest-" + day + "-spend-30d.png\"").contains("vk-hermes");
		// every feature's section is in the demo digest: the explained spike, freshness, costs, retiring keys
		assertThat(html).contains("545K-token prompts · 98% of the excess")
			.contains("LOGGING_OFF")
			.contains("z.ai GLM Coding Pro")
			.contains("SAFE_TO_REVOKE");
		// the terminal shows the day's findings, worst first, the spike among them (not only the workloads)
		assertThat(r.out()).contains("  [ALERT] SPIKE · workload:vk-vault-indexer/model:gemini-flash-lite")
			.contains("  [ALERT] LOGGING_OFF · spend-log");
		assertThat(r.out().indexOf("[ALERT] SPIKE")).isLessThan(r.out().indexOf("[WATCH]"));
		// a retiring key configured by its hash is named by its fingerprint, never the whole hash
		String hash = "0eeb4bf94e095b33e42eef5cee21ca182d6439c8fb263e2e8494de41a444881b";
		assertThat(digest.root().get("findings").toString()).contains("key:0eeb4bf94e09").doesNotContain(hash);
		assertThat(r.out()).doesNotContain(hash);
		assertThat(out.resolve("digest-" + day + "-spend-30d.png")).isNotEmptyFile();
		assertThat(out.resolve("digest-" + day + ".txt")).content().contains("SPEND BY WORKLOAD");
		assertThat(out.resolve("digest-" + day + ".eml")).content().contains("Content-Type: multipart/alternative");
		try (var files = Files.list(out)) {
			assertThat(files.filter(p -> p.toString().endsWith(".json"))).as("only yesterday's files").hasSize(1);
		}
	}

	@Test
	void theSchemaRejectsADocumentThatBreaksTheContract(@TempDir Path out) throws Exception {
		CliIntegrationTests.Result r = CliIntegrationTests.cli("demo", "--out", out.toString());
		assertThat(r.exit()).isZero();
		Path json;
		try (var files = Files.list(out)) {
			json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
		}
		ObjectNode broken = (ObjectNode) DigestJson.read(json).root();
		((ObjectNode) broken.get("metered")).put("usd", -1);
		((ObjectNode) broken.get("workloads").get(0)).remove("attribution");
		assertThat(DigestSchema.violations(broken)).hasSize(2);
	}

}
