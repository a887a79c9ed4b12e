package dev.spendaudit.readday;

import java.nio.file.Path;
import java.time.Clock;
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
import dev.spendaudit.source.demo.LiteLlmWriter;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every attribution rule, end to end: LiteLLM-shaped rows in a real PostgreSQL, the job run for the day, the
 * digest JSON read back.
 */
class AttributionIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final LocalDateTime NOON = DAY.atTime(12, 0);

	static final String MASTER_RAW = "sk-master-secret-0000";

	static LiteLlmDatabase db;

	static AuditApp app;

	static DigestJson digest;

	@BeforeAll
	static void auditOneDay(@TempDir Path out) {
		db = LiteLlmDatabase.create("attribution");
		LiteLlmWriter w = db.writer();
		List<Call> calls = new ArrayList<>();
		// live key with an alias, renamed after its requests: the current alias wins
		w.key(hash("sk-live"), "vk-before-rename", "sk-...live");
		calls.add(call("live-1", hash("sk-live"), "vk-before-rename", 0.25));
		w.renameKey(hash("sk-live"), "vk-live");
		// a key deleted after its calls
		w.key(hash("sk-gone"), "vk-gone", "sk-...gone");
		calls.add(call("gone-1", hash("sk-gone"), "vk-gone", 0.5));
		// a key rotated: the old hash's calls go to the new key's current alias
		w.key(hash("sk-old"), "vk-rotated", "sk-...old1");
		calls.add(call("old-1", hash("sk-old"), "vk-rotated", 1.0));
		// only the request-time alias is known
		calls.add(call("req-1", hash("sk-vanished"), "vk-from-metadata", 2.0));
		// an alias-less key
		w.key(hash("sk-noalias"), null, "sk-...9f3a");
		calls.add(call("name-1", hash("sk-noalias"), null, 4.0));
		// master key: the literal and the configured sha256
		calls.add(call("master-1", "litellm_proxy_master_key", null, 8.0));
		calls.add(call("master-2", hash(MASTER_RAW), null, 16.0));
		// nothing known, and no key at all
		calls.add(call("unknown-1", "abcdef0123456789" + "0".repeat(48), null, 32.0));
		calls.add(call("nokey-1", "", null, 64.0));
		w.spendLogs(calls);
		w.deleteKey(hash("sk-gone"), NOON.plusHours(6));
		w.rotateKey(hash("sk-old"), hash("sk-new"), NOON.plusDays(2));
		Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
		app = AuditApp.start(db.endpoint(), clock,
				Map.of("spend-audit.source.master-key-sha256", hash(MASTER_RAW)));
		DayResult result = app.run(DAY, out);
		assertThat(result.failure()).isNull();
		digest = DigestJson.read(result.digestJson());
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void currentAliasWinsOverTheAliasAtRequestTime() {
		assertWorkload("vk-live", "KEY_ALIAS", "0.25");
		assertThat(digest.workload("vk-before-rename")).isNull();
	}

	@Test
	void deletedKeyKeepsItsAlias() {
		assertWorkload("vk-gone", "DELETED_KEY", "0.5");
	}

	@Test
	void rotatedKeyFollowsTheDeprecatedTokenMap() {
		assertWorkload("vk-rotated", "ROTATED_KEY", "1");
	}

	@Test
	void requestTimeAliasNamesAKeyNoTableKnows() {
		assertWorkload("vk-from-metadata", "REQUEST_ALIAS", "2");
	}

	@Test
	void aliasLessKeyIsNamedByItsKeyName() {
		assertWorkload("sk-...9f3a", "KEY_NAME", "4");
	}

	@Test
	void masterKeyByLiteralAndBySha256() {
		JsonNode master = digest.workload("master-key");
		assertThat(master.get("attribution").asString()).isEqualTo("MASTER_KEY");
		assertThat(master.get("usd").decimalValue()).isEqualByComparingTo("24");
		assertThat(master.get("requests").asLong()).isEqualTo(2);
	}

	@Test
	void unknownHashAndMissingKey() {
		assertWorkload("unknown:abcdef01", "UNKNOWN_KEY", "32");
		assertWorkload("unknown:none", "UNKNOWN_KEY", "64");
	}

	@Test
	void totalsAreExactSumsAndWorkloadsSortByMoney() {
		assertThat(digest.meteredUsd()).isEqualByComparingTo("127.75");
		assertThat(digest.root().get("metered").get("requests").asLong()).isEqualTo(9);
		List<String> order = new ArrayList<>();
		digest.root().get("workloads").forEach(w -> order.add(w.get("workload").asString()));
		assertThat(order).startsWith("unknown:none", "unknown:abcdef01", "master-key", "sk-...9f3a")
			.endsWith("vk-live");
	}

	private static void assertWorkload(String name, String attribution, String usd) {
		JsonNode w = digest.workload(name);
		assertThat(w).as(name).isNotNull();
		assertThat(w.get("attribution").asString()).isEqualTo(attribution);
		assertThat(w.get("usd").decimalValue()).isEqualByComparingTo(usd);
		assertThat(w.get("models").get(0).get("model").asString()).isEqualTo("gpt-4.1-mini");
		assertThat(w.get("models").get(0).get("provider").asString()).isEqualTo("openai");
	}

	static Call call(String id, String apiKey, String alias, double spend) {
		return Call.of(id, apiKey, alias, "gpt-4.1-mini", "openai", NOON, spend, 1000, 100);
	}

	static String hash(String raw) {
		return KeyHash.of(raw);
	}

}
