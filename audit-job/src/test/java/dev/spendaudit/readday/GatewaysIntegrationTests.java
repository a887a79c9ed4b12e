package dev.spendaudit.readday;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.NightlyRun;
import dev.spendaudit.schedule.RunOptions;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several gateways ({@code spend-audit.sources}) in one night: two LiteLLM databases on the same PostgreSQL, each
 * rolled up and read on its own, one digest for the fleet; one gateway unreachable does not lose the other's night.
 */
class GatewaysIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);

	static LiteLlmDatabase prod;

	static LiteLlmDatabase staging;

	@BeforeAll
	static void twoGateways() {
		prod = LiteLlmDatabase.create("gw_prod");
		staging = LiteLlmDatabase.create("gw_staging");
		String alpha = key(prod, "sk-alpha", "vk-alpha");
		String shared = key(prod, "sk-shared-prod", "vk-shared");
		String stagingShared = key(staging, "sk-shared-staging", "vk-shared");
		String beta = key(staging, "sk-beta", "vk-beta");
		List<Call> prodCalls = new ArrayList<>();
		List<Call> stagingCalls = new ArrayList<>();
		for (LocalDate d = DAY.minusDays(10); !d.isAfter(DAY); d = d.plusDays(1)) {
			prodCalls.add(call("a-" + d, alpha, "vk-alpha", d, 2.00));
			prodCalls.add(call("s-" + d, shared, "vk-shared", d, 1.00));
			// a third of the day's spend without a name: UNATTRIBUTED every day, so its memory can be checked
			prodCalls.add(call("u-" + d, KeyHash.of("sk-nobody-" + d), "", d, 1.50));
			stagingCalls.add(call("t-" + d, stagingShared, "vk-shared", d, 0.50));
			stagingCalls.add(call("b-" + d, beta, "vk-beta", d, 0.25));
		}
		prod.writer().spendLogs(prodCalls);
		staging.writer().spendLogs(stagingCalls);
	}

	@AfterAll
	static void close() {
		prod.close();
		staging.close();
	}

	@Test
	void bothGatewaysAreRolledUpAndAuditedInOneDigest(@TempDir Path out) {
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), Map.of()))) {
			DayResult result = app.run(DAY, out);
			assertThat(result.failure()).isNull();
			assertThat(result.exitCode()).isEqualTo(ExitCode.DONE);
			DigestJson digest = DigestJson.read(result.digestJson());
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
			assertThat(digest.meteredUsd()).isEqualByComparingTo("5.25");
			JsonNode sources = digest.root().get("sources");
			assertThat(sources).hasSize(2);
			assertThat(sources.get(0).get("name").asString()).isEqualTo("default");
			assertThat(sources.get(0).get("usd").decimalValue()).isEqualByComparingTo("4.50");
			assertThat(sources.get(0).get("requests").asLong()).isEqualTo(3);
			assertThat(sources.get(0).get("freshness").get("status").asString()).isEqualTo("OK");
			assertThat(sources.get(1).get("name").asString()).isEqualTo("staging");
			assertThat(sources.get(1).get("usd").decimalValue()).isEqualByComparingTo("0.75");
			assertThat(sources.get(1).get("requests").asLong()).isEqualTo(2);
			assertThat(sources.get(1).get("missing").isNull()).isTrue();
			// the same alias on two gateways is two workloads, each with its gateway
			List<JsonNode> shared = workloads(digest, "vk-shared");
			assertThat(shared).hasSize(2);
			assertThat(shared.stream().map(w -> w.get("source").asString() + "=" + w.get("usd").decimalValue()
				.stripTrailingZeros().toPlainString())).containsExactlyInAnyOrder("default=1", "staging=0.5");
			assertThat(workloads(digest, "vk-beta").get(0).get("source").asString()).isEqualTo("staging");
			// the history step rolled up both gateways' earlier days, each under its name
			HistoryReader history = app.bean(HistoryReader.class);
			assertThat(history.rows(DAY.minusDays(5)).stream().map(r -> r.source()).distinct())
				.containsExactlyInAnyOrder("default", "staging");
			digest.root().get("findings").forEach(f -> assertThat(f.get("source").asString()).isNotBlank());
		}
	}

	@Test
	void mergedWorkloadsAcrossSourcesAreOne(@TempDir Path out) {
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(),
				Map.of("spend-audit.merge-workloads-across-sources", "true")))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			List<JsonNode> shared = workloads(digest, "vk-shared");
			assertThat(shared).hasSize(1);
			assertThat(shared.get(0).get("usd").decimalValue()).isEqualByComparingTo("1.50");
			assertThat(shared.get(0).get("source").isNull()).isTrue();
			assertThat(workloads(digest, "vk-alpha").get(0).get("source").asString()).isEqualTo("default");
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
		}
	}

	@Test
	void addingASecondGatewayKeepsTheFirstOnesFindingsContinuing(@TempDir Path out) {
		LiteLlmDatabase store = LiteLlmDatabase.create("gw_store");
		Map<String, String> storeSettings = Map.of("spend-audit.store.url", store.endpoint().url(),
				"spend-audit.store.username", store.endpoint().username(), "spend-audit.store.password",
				store.endpoint().password());
		try (store) {
			String id;
			try (AuditApp one = AuditApp.start(prod.endpoint(), CLOCK, storeSettings)) {
				JsonNode f = finding(DigestJson.read(one.run(DAY.minusDays(1), out).digestJson()), "UNATTRIBUTED");
				assertThat(f.get("source").asString()).isEqualTo("default");
				id = f.get("id").asString();
			}
			try (AuditApp two = AuditApp.startGateways(CLOCK,
					gateways(prod.endpoint(), staging.endpoint(), storeSettings))) {
				DigestJson digest = DigestJson.read(two.run(DAY, out).digestJson());
				JsonNode f = finding(digest, "UNATTRIBUTED");
				assertThat(f.get("source").asString()).isEqualTo("default");
				assertThat(f.get("id").asString()).isEqualTo(id);
				assertThat(f.get("details").get("state").get("state").asString()).isEqualTo("CONTINUING");
			}
		}
	}

	@Test
	void anUnreachableGatewayLosesNotTheOthersNightAndTheNextRunCompletesIt(@TempDir Path out) throws Exception {
		LiteLlmDatabase store = LiteLlmDatabase.create("gw_store2");
		Endpoint down = new Endpoint("jdbc:postgresql://127.0.0.1:" + TestSmtp.closedPort() + "/litellm_staging",
				"nobody", "s3cret-staging-pw");
		try (store; TestSmtp smtp = TestSmtp.start()) {
			Map<String, String> settings = new HashMap<>(smtp.settings("ops@example.org"));
			settings.put("spend-audit.store.url", store.endpoint().url());
			settings.put("spend-audit.store.username", store.endpoint().username());
			settings.put("spend-audit.store.password", store.endpoint().password());
			try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), down, settings))) {
				DayResult result = app.run(DAY, new RunOptions(out, true, false, null));
				assertThat(result.exitCode()).isEqualTo(ExitCode.SOURCE);
				assertThat(result.partial()).isTrue();
				assertThat(result.failure()).contains("gateway staging could not be read").doesNotContain("s3cret");
				// written and mailed for the reachable gateway
				assertThat(smtp.received(DAY)).hasSize(1);
				DigestJson digest = DigestJson.read(result.digestJson());
				assertThat(DigestSchema.violations(digest.root())).isEmpty();
				assertThat(digest.meteredUsd()).isEqualByComparingTo("4.50");
				JsonNode missing = digest.root().get("sources").get(1);
				assertThat(missing.get("name").asString()).isEqualTo("staging");
				assertThat(missing.get("freshness").get("status").asString()).isEqualTo("MISSING");
				assertThat(missing.get("missing").asString()).contains("127.0.0.1").doesNotContain("s3cret");
				JsonNode f = finding(digest, "GATEWAY_MISSING");
				assertThat(f.get("source").asString()).isEqualTo("staging");
				assertThat(f.get("severity").asString()).isEqualTo("ALERT");
				assertThat(Files.readString(out.resolve("digest-" + DAY + ".txt"))).contains("staging")
					.contains("not read");
				assertThat(Files.readString(out.resolve("digest-" + DAY + ".html"))).contains("staging");
				// the day counts as not fully audited: the next run's catch-up audits it again
				assertThat(app.bean(NightlyRun.class).dueDays(ZoneId.of("UTC"), 7)).contains(DAY);
				// the days before, rolled up as history, miss staging's part too
				assertThat(app.bean(HistoryReader.class).missingSources(DAY.minusDays(3))).containsKey("staging");
			}
			try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), settings))) {
				DayResult rerun = app.run(DAY, out);
				assertThat(rerun.failure()).isNull();
				DigestJson digest = DigestJson.read(rerun.digestJson());
				assertThat(digest.meteredUsd()).isEqualByComparingTo("5.25");
				assertThat(digest.root().get("sources").get(1).get("missing").isNull()).isTrue();
				assertThat(app.bean(HistoryReader.class).missingSources(DAY)).isEmpty();
				// and the history step rolled them up again now that staging could be read
				HistoryReader history = app.bean(HistoryReader.class);
				assertThat(history.missingSources(DAY.minusDays(3))).isEmpty();
				assertThat(history.rows(DAY.minusDays(3)).stream().map(r -> r.source()).distinct())
					.containsExactlyInAnyOrder("default", "staging");
				assertThat(app.bean(NightlyRun.class).dueDays(ZoneId.of("UTC"), 7)).doesNotContain(DAY);
			}
		}
	}

	@Test
	void sourceAndSourcesTogetherIsAnErrorNamingBoth() {
		assertThatThrownBy(() -> AuditApp.start(prod.endpoint(), CLOCK, gateways(prod.endpoint(), staging.endpoint(),
				Map.of())).close())
			.rootCause()
			.hasMessageContaining("spend-audit.source and spend-audit.sources are both set");
	}

	@Test
	void twoGatewaysWithOneNameAreAnErrorNamingTheEntry() {
		Map<String, String> settings = new HashMap<>(AuditApp.gateway(0, "prod", prod.endpoint()));
		settings.putAll(AuditApp.gateway(1, "PROD", staging.endpoint()));
		assertThatThrownBy(() -> AuditApp.startGateways(CLOCK, settings).close()).rootCause()
			.hasMessageContaining("spend-audit.sources[1].name \"PROD\" is already the name of another gateway");
	}

	@Test
	void aTypoUnderSourcesIsRefusedAndAPasswordComesFromAVariable(@TempDir Path out) {
		Map<String, String> typo = gateways(prod.endpoint(), staging.endpoint(),
				Map.of("spend-audit.sources[1].pasword", "x"));
		assertThatThrownBy(() -> AuditApp.startGateways(CLOCK, typo).close())
			.hasMessageContaining("unknown setting spend-audit.sources[1].pasword");
		// a list comes whole from one place, so a gateway's password is a placeholder for a variable of its own
		Map<String, String> placeholder = new HashMap<>(gateways(prod.endpoint(), staging.endpoint(), Map.of()));
		placeholder.put("spend-audit.sources[1].password", "${LITELLM_STAGING_PASSWORD}");
		try (AuditApp app = AuditApp.start(null, CLOCK, placeholder, Map.of(),
				Map.of("LITELLM_STAGING_PASSWORD", staging.endpoint().password()))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(digest.root().get("sources").get(1).get("requests").asLong()).isEqualTo(2);
		}
	}

	static Map<String, String> gateways(Endpoint first, Endpoint second, Map<String, String> more) {
		Map<String, String> settings = new HashMap<>(AuditApp.gateway(0, "default", first));
		settings.putAll(AuditApp.gateway(1, "staging", second));
		settings.putAll(more);
		return settings;
	}

	static List<JsonNode> workloads(DigestJson digest, String name) {
		List<JsonNode> found = new ArrayList<>();
		digest.root().get("workloads").forEach(w -> {
			if (w.get("workload").asString().equals(name)) {
				found.add(w);
			}
		});
		return found;
	}

	static JsonNode finding(DigestJson digest, String kind) {
		for (JsonNode f : digest.root().get("findings")) {
			if (f.get("kind").asString().equals(kind)) {
				return f;
			}
		}
		throw new AssertionError("no " + kind + " finding in " + digest.root().get("findings"));
	}

	static String key(LiteLlmDatabase db, String raw, String alias) {
		String hash = KeyHash.of(raw);
		db.writer().key(hash, alias, "sk-..." + raw.substring(raw.length() - 4));
		return hash;
	}

	static Call call(String id, String key, String alias, LocalDate day, double spend) {
		return Call.of(id, key, alias, "gpt-4.1-mini", "openai", day.atTime(12, 0), spend, 100, 10);
	}

}
