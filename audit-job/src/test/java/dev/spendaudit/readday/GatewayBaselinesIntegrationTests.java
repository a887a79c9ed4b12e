package dev.spendaudit.readday;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
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

import static dev.spendaudit.readday.GatewaysIntegrationTests.CLOCK;
import static dev.spendaudit.readday.GatewaysIntegrationTests.DAY;
import static dev.spendaudit.readday.GatewaysIntegrationTests.call;
import static dev.spendaudit.readday.GatewaysIntegrationTests.gateways;
import static dev.spendaudit.readday.GatewaysIntegrationTests.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Baselines per gateway: the same alias on two gateways is two series, a spike on one gateway is that gateway's
 * finding (explained with its own requests), and a planned window can be for one gateway's workload only.
 */
class GatewayBaselinesIntegrationTests {

	static LiteLlmDatabase prod;

	static LiteLlmDatabase staging;

	@BeforeAll
	static void twoGateways() {
		prod = LiteLlmDatabase.create("gwb_prod");
		staging = LiteLlmDatabase.create("gwb_staging");
		String prodApp = key(prod, "sk-app-prod", "vk-app");
		String stagingApp = key(staging, "sk-app-staging", "vk-app");
		String canary = key(staging, "sk-canary-staging", "vk-canary");
		List<Call> prodCalls = new ArrayList<>();
		List<Call> stagingCalls = new ArrayList<>();
		// staging's canary calls every hour
		for (LocalDate d = DAY.minusDays(3); !d.isAfter(DAY); d = d.plusDays(1)) {
			for (int h = 0; h < 24; h++) {
				stagingCalls.add(Call.of("c-" + d + "-" + h, canary, "vk-canary", "gpt-4.1-mini", "openai",
						d.atTime(h, 30), 0.0001, 10, 1));
			}
		}
		for (LocalDate d = DAY.minusDays(20); d.isBefore(DAY); d = d.plusDays(1)) {
			prodCalls.add(call("p-" + d, prodApp, "vk-app", d, 12.00));
			stagingCalls.add(call("s-" + d, stagingApp, "vk-app", d, 0.50));
		}
		// the day: staging's vk-app spends $9.50 more than usual, well inside what prod's vk-app spends on a
		// normal day, so only a baseline of its own sees it
		prodCalls.add(call("p-" + DAY, prodApp, "vk-app", DAY, 12.00));
		stagingCalls.add(call("s-" + DAY, stagingApp, "vk-app", DAY, 0.50));
		stagingCalls.add(call("s-big-" + DAY, stagingApp, "vk-app", DAY, 9.50));
		prod.writer().spendLogs(prodCalls);
		staging.writer().spendLogs(stagingCalls);
	}

	@AfterAll
	static void close() {
		prod.close();
		staging.close();
	}

	@Test
	void aSpikeOnOneGatewayIsThatGatewaysFinding(@TempDir Path out) throws Exception {
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), Map.of()))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
			// the digest names the finding's gateway
			assertThat(Files.readString(out.resolve("digest-" + DAY + ".txt")))
				.contains("SPIKE · staging · workload:vk-app");
			List<JsonNode> spikes = findings(digest, "SPIKE");
			assertThat(spikes).hasSize(1);
			JsonNode spike = spikes.get(0);
			assertThat(spike.get("source").asString()).isEqualTo("staging");
			assertThat(spike.get("severity").asString()).isEqualTo("ALERT");
			assertThat(spike.get("subject").asString()).startsWith("workload:vk-app");
			assertThat(spike.get("actualUsd").decimalValue()).isEqualByComparingTo("10.00");
			assertThat(spike.get("baselineUsd").decimalValue()).isEqualByComparingTo("0.50");
			// explained with the requests of the gateway that logged them
			JsonNode top = spike.get("details").get("explanation").get("topRequests");
			assertThat(top.get(0).get("requestId").asString()).isEqualTo("s-big-" + DAY);
		}
	}

	@Test
	void aGatewayNotReadForANightHoldsItsFindingsInsteadOfResolvingThem(@TempDir Path out) {
		LiteLlmDatabase store = LiteLlmDatabase.create("gwb_store");
		Endpoint down = new Endpoint("jdbc:postgresql://127.0.0.1:" + TestSmtp.closedPort() + "/litellm_staging",
				"nobody", "pw");
		Map<String, String> settings = Map.of("spend-audit.store.url", store.endpoint().url(),
				"spend-audit.store.username", store.endpoint().username(), "spend-audit.store.password",
				store.endpoint().password());
		Clock nextMorning = Clock.offset(CLOCK, Duration.ofDays(1));
		try (store) {
			JsonNode spike;
			try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), settings))) {
				spike = findings(DigestJson.read(app.run(DAY, out).digestJson()), "SPIKE").get(0);
				assertThat(spike.get("source").asString()).isEqualTo("staging");
			}
			try (AuditApp app = AuditApp.startGateways(nextMorning, gateways(prod.endpoint(), down, settings))) {
				DigestJson digest = DigestJson.read(app.run(DAY.plusDays(1), out).digestJson());
				assertThat(DigestSchema.violations(digest.root())).isEmpty();
				List<JsonNode> held = findings(digest, "SPIKE").stream()
					.filter(f -> f.get("source").asString().equals("staging"))
					.toList();
				assertThat(held).as("staging's spike does not end on a night staging was not read").hasSize(1);
				JsonNode f = held.get(0);
				assertThat(f.get("id").asString()).isEqualTo(spike.get("id").asString());
				assertThat(f.get("severity").asString()).isEqualTo("ALERT");
				assertThat(f.get("details").get("state").get("state").asString()).isEqualTo("CONTINUING");
				assertThat(f.get("details").get("state").get("day").asInt()).isEqualTo(2);
				assertThat(f.get("reason").asString()).contains("not checked: its gateway could not be read")
					.endsWith("day 2, since " + DAY);
				assertThat(findings(digest, "GATEWAY_MISSING")).extracting(m -> m.get("source").asString())
					.containsExactly("staging");
			}
		}
	}

	@Test
	void mergedWorkloadsAreOneSeriesWhoseSpikeDrownsInTheOtherGatewaysSpend(@TempDir Path out) {
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(),
				Map.of("spend-audit.merge-workloads-across-sources", "true")))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			// $12.50 a day becoming $22.00 is under the 3× an ALERT needs; what is said, the first gateway says
			List<JsonNode> spikes = findings(digest, "SPIKE");
			assertThat(spikes).noneMatch(f -> f.get("severity").asString().equals("ALERT"));
			assertThat(spikes).allMatch(f -> f.get("source").asString().equals("default"));
			assertThat(GatewaysIntegrationTests.workloads(digest, "vk-app")).hasSize(1);
		}
	}

	@Test
	void aPlannedWindowForOneGatewayPlansOnlyThatGatewaysWorkload(@TempDir Path out) {
		Map<String, String> planned = Map.of("spend-audit.planned[0].workload", "vk-app",
				"spend-audit.planned[0].from", DAY.toString(), "spend-audit.planned[0].note", "load test",
				"spend-audit.planned[0].source", "staging");
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), planned))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			JsonNode spike = findings(digest, "SPIKE").get(0);
			assertThat(spike.get("source").asString()).isEqualTo("staging");
			assertThat(spike.get("details").get("state").get("state").asString()).isEqualTo("PLANNED");
			assertThat(digest.root().get("status").asString()).isEqualTo("OK");
		}
		Map<String, String> elsewhere = Map.of("spend-audit.planned[0].workload", "vk-app",
				"spend-audit.planned[0].from", DAY.toString(), "spend-audit.planned[0].source", "default");
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), elsewhere))) {
			JsonNode spike = findings(DigestJson.read(app.run(DAY, out).digestJson()), "SPIKE").get(0);
			assertThat(spike.get("details").get("state").get("state").asString()).isEqualTo("NEW");
			assertThat(spike.get("severity").asString()).isEqualTo("ALERT");
		}
	}

	@Test
	void aPlannedWindowForAGatewayThatIsNotConfiguredIsAnErrorNamingTheEntry() {
		Map<String, String> typo = Map.of("spend-audit.planned[0].workload", "vk-app",
				"spend-audit.planned[0].from", DAY.toString(), "spend-audit.planned[0].source", "stagin");
		assertThatThrownBy(() -> AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), typo))
			.close()).hasStackTraceContaining("spend-audit.planned[0].source \"stagin\" is not a configured gateway");
	}

	@Test
	void aRetiringKeyIsLookedForOnItsOwnGatewayOrOnEvery(@TempDir Path out) {
		Map<String, String> everywhere = Map.of("spend-audit.retiring-keys[0].key", "vk-app");
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), everywhere))) {
			JsonNode key = retiring(DigestJson.read(app.run(DAY, out).digestJson()));
			// one alias on two gateways: both keys, both gateways' calls
			assertThat(key.get("requests24h").asLong()).isEqualTo(3);
			assertThat(key.get("verdict").asString()).isEqualTo("ACTIVE");
		}
		Map<String, String> staging = Map.of("spend-audit.retiring-keys[0].key", "vk-app",
				"spend-audit.retiring-keys[0].source", "staging");
		try (AuditApp app = AuditApp.startGateways(CLOCK,
				gateways(prod.endpoint(), GatewayBaselinesIntegrationTests.staging.endpoint(), staging))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
			assertThat(retiring(digest).get("requests24h").asLong()).isEqualTo(2);
		}
		Map<String, String> typo = Map.of("spend-audit.retiring-keys[0].key", "vk-app",
				"spend-audit.retiring-keys[0].source", "prod");
		assertThatThrownBy(() -> AuditApp.startGateways(CLOCK, gateways(prod.endpoint(),
				GatewayBaselinesIntegrationTests.staging.endpoint(), typo)).close())
			.hasStackTraceContaining("spend-audit.retiring-keys[0].source \"prod\" is not a configured gateway");
	}

	@Test
	void theCanaryIsLookedForOnItsOwnGatewayOrOnEvery(@TempDir Path out) {
		Map<String, String> anywhere = Map.of("spend-audit.freshness.canary-key", "vk-canary");
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), anywhere))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(findings(digest, "CANARY_UNKNOWN")).isEmpty();
			assertThat(findings(digest, "CANARY_SILENT")).isEmpty();
		}
		Map<String, String> onStaging = Map.of("spend-audit.freshness.canary-key", "vk-canary",
				"spend-audit.freshness.canary-source", "staging");
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), onStaging))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(findings(digest, "CANARY_UNKNOWN")).isEmpty();
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
		}
		Map<String, String> onProd = Map.of("spend-audit.freshness.canary-key", "vk-canary",
				"spend-audit.freshness.canary-source", "default");
		try (AuditApp app = AuditApp.startGateways(CLOCK, gateways(prod.endpoint(), staging.endpoint(), onProd))) {
			assertThat(findings(DigestJson.read(app.run(DAY, out).digestJson()), "CANARY_UNKNOWN")).hasSize(1);
		}
	}

	static JsonNode retiring(DigestJson digest) {
		return digest.root().get("retiringKeys").get(0);
	}

	static List<JsonNode> findings(DigestJson digest, String kind) {
		List<JsonNode> found = new ArrayList<>();
		digest.root().get("findings").forEach(f -> {
			if (f.get("kind").asString().equals(kind)) {
				found.add(f);
			}
		});
		return found;
	}

}
