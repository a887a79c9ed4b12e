package dev.spendaudit.baseline;

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
import dev.spendaudit.source.demo.LiteLlmWriter;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.store.jooq.Tables.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed story end to end on LiteLLM-shaped rows: two months of a homelab spending about $0.30 a day, a noise
 * day at $0.90, and a three-day reindex on one key and one model (~545K-token prompts, tiny answers, ~$60 a day).
 */
class SpikeIntegrationTests {

	static final LocalDate FIRST = LocalDate.of(2026, 9, 25);

	static final LocalDate NOISE = LocalDate.of(2026, 11, 10);

	static final List<LocalDate> REINDEX = List.of(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26),
			LocalDate.of(2026, 11, 27));

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);

	static final String HERMES = KeyHash.of("sk-hermes");

	static final String VAULT = KeyHash.of("sk-vault");

	static final String INVESTING = KeyHash.of("sk-investing");

	static LiteLlmDatabase db;

	static AuditApp app;

	@BeforeAll
	static void twoMonthsOfTraffic() {
		db = LiteLlmDatabase.create("spikes");
		LiteLlmWriter w = db.writer();
		w.key(HERMES, "vk-hermes", "sk-...rmes");
		w.key(VAULT, "vk-vault-indexer", "sk-...ault");
		w.key(INVESTING, "vk-investing", "sk-...ting");
		List<Call> calls = new ArrayList<>();
		for (LocalDate d = FIRST; !d.isAfter(LocalDate.of(2026, 11, 28)); d = d.plusDays(1)) {
			int wobble = d.getDayOfMonth() % 5;
			int hermesCalls = d.equals(NOISE) ? 9 : 3;
			for (int i = 0; i < hermesCalls; i++) {
				// about $0.10 a call: $0.30 a day, $0.90 on the noise day
				calls.add(call("h-" + d + "-" + i, HERMES, "vk-hermes", "claude-sonnet-4", "anthropic", d, i,
						0.095 + 0.004 * wobble, 28_000, 4_500));
			}
			calls.add(call("v-" + d, VAULT, "vk-vault-indexer", "gemini-flash-lite", "gemini", d, 0, 0.0003, 3_000, 60));
			calls.add(call("i-" + d, INVESTING, "vk-investing", "gpt-4.1-mini", "openai", d, 0, 0.01, 20_000, 1_200));
			if (REINDEX.contains(d)) {
				for (int i = 0; i < 1_100; i++) {
					int prompt = 540_000 + (i * 37) % 10_000;
					calls.add(call("reindex-" + d + "-" + i, VAULT, "vk-vault-indexer", "gemini-flash-lite", "gemini",
							d, 1 + i % 12, (prompt * 0.10 + 40 * 0.40) / 1e6, prompt, 40));
				}
			}
		}
		w.spendLogs(calls);
		app = AuditApp.start(db.endpoint(), CLOCK, Map.of());
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void theReindexRaisesOneAlertThatReadsAsOneKeyOneModelHugePrompts(@TempDir Path out) {
		DayResult result = app.run(REINDEX.get(1), out);
		assertThat(result.failure()).isNull();
		assertThat(DigestSchema.violations(DigestJson.read(result.digestJson()).root())).isEmpty();
		JsonNode digest = DigestJson.read(result.digestJson()).root();
		assertThat(digest.get("status").asString()).isEqualTo("ALERT");
		List<JsonNode> alerts = severity(digest, "ALERT");
		assertThat(alerts).hasSize(1);
		JsonNode alert = alerts.get(0);
		assertThat(alert.get("kind").asString()).isEqualTo("SPIKE");
		assertThat(alert.get("subject").asString()).isEqualTo("workload:vk-vault-indexer/model:gemini-flash-lite");
		assertThat(alert.get("reason").asString())
			.startsWith("vk-vault-indexer · gemini-flash-lite · 545K-token prompts · ")
			.contains("% of the excess: $59.96 vs $0.0003 baseline; ALERT: excess $59.96 ≥ $5.00");
		JsonNode details = alert.get("details");
		JsonNode explanation = details.get("explanation");
		assertThat(explanation.get("share").asDouble()).isGreaterThanOrEqualTo(0.95);
		assertThat(explanation.get("how").asString()).isEqualTo("545K-token prompts");
		assertThat(explanation.get("breakdown").get("driver").asString()).isEqualTo("SIZE");
		assertThat(explanation.get("breakdown").get("calls1").asLong()).isEqualTo(1_101);
		assertThat(explanation.get("breakdown").get("completionPerCall1").asLong()).isLessThan(100);
		JsonNode sizes = explanation.get("promptSizes");
		assertThat(sizes.get(4).get("label").asString()).isEqualTo(">128k");
		assertThat(sizes.get(4).get("requests").asLong()).isEqualTo(1_100);
		assertThat(sizes.get(1).get("requests").asLong()).as("the usual call, 1-8k").isEqualTo(1);
		JsonNode top = explanation.get("topRequests");
		assertThat(top).hasSize(5);
		assertThat(top.get(0).get("requestId").asString()).startsWith("reindex-2026-11-26-");
		assertThat(top.get(0).get("promptTokens").asLong()).isGreaterThan(540_000);
		assertThat(top.get(0).get("usd").decimalValue()).isGreaterThanOrEqualTo(top.get(4).get("usd").decimalValue());
		List<String> related = new ArrayList<>();
		details.get("related").forEach(r -> related.add(r.get("subject").asString()));
		assertThat(related).containsExactlyInAnyOrder("total", "workload:vk-vault-indexer", "model:gemini-flash-lite");
		assertThat(details.get("rule").asString()).startsWith("ALERT: excess $59.96 ≥ $5.00, 199,865× ≥ 3×, z 1,199 ≥ 4");
		assertThat(details.get("baselineUsd").decimalValue()).isEqualByComparingTo("0.0003");
	}

	@Test
	void aSpikeBeyondTheDrillDownsIsExplainedFromTheStoredFactsAlone(@TempDir Path out) {
		try (AuditApp capped = AuditApp.start(db.endpoint(), CLOCK,
				Map.of("spend-audit.detection.drill-downs", "0", "spend-audit.store.schema", "spend_audit_capped"))) {
			DayResult result = capped.run(REINDEX.get(1), out);
			assertThat(result.failure()).isNull();
			JsonNode digest = DigestJson.read(result.digestJson()).root();
			assertThat(DigestSchema.violations(digest)).isEmpty();
			JsonNode explanation = severity(digest, "ALERT").get(0).get("details").get("explanation");
			// the mean prompt of the stored facts (the usual call among them), where a drill-down names the median
			assertThat(explanation.get("how").asString()).isEqualTo("544K-token prompts");
			assertThat(explanation.get("promptSizes").get(4).get("requests").asLong()).isEqualTo(1_100);
			assertThat(explanation.get("topRequests")).as("no read of the day's rows").isEmpty();
		}
	}

	@Test
	void aContinuingSpikeReadsAsContinuingNotNewAndARerunKnowsHowLongItLasted(@TempDir Path out) {
		for (LocalDate d : REINDEX) {
			assertThat(app.run(d, out).succeeded()).isTrue();
		}
		JsonNode third = alert(out, REINDEX.get(2));
		assertThat(third.get("details").get("state").get("state").asString()).isEqualTo("CONTINUING");
		assertThat(third.get("details").get("state").get("since").asString()).isEqualTo("2026-11-25");
		assertThat(third.get("details").get("state").get("day").asInt()).isEqualTo(3);
		assertThat(third.get("reason").asString()).endsWith(" · day 3, since 2026-11-25");
		assertThat(third.get("id").asString()).as("one run, one id").isEqualTo(alert(out, REINDEX.get(0)).get("id").asString());
		assertThat(severity(DigestJson.read(out.resolve("digest-2026-11-27.json")).root(), "ALERT")).hasSize(1);

		// rerunning the middle day: it now knows the run's length, and replaces its findings
		long before = app.store().fetchCount(FINDING, FINDING.AUDIT_DATE.eq(REINDEX.get(1)));
		assertThat(app.run(REINDEX.get(1), out).succeeded()).isTrue();
		assertThat(app.store().fetchCount(FINDING, FINDING.AUDIT_DATE.eq(REINDEX.get(1)))).isEqualTo(before);
		assertThat(alert(out, REINDEX.get(1)).get("reason").asString()).endsWith(" · day 2 of 3, since 2026-11-25");
	}

	@Test
	void aDayAfterTheSpikeIsQuietAndTheSpikeIsNotReportedAgainAsDrift(@TempDir Path out) {
		DayResult result = app.run(LocalDate.of(2026, 11, 28), out);
		JsonNode digest = DigestJson.read(result.digestJson()).root();
		assertThat(digest.get("status").asString()).isEqualTo("OK");
		// when another test audited the 27th first, the spike is said to be resolved: that is all
		digest.get("findings").forEach(f -> assertThat(f.get("details").get("state").get("state").asString())
			.as(f.toString()).isEqualTo("RESOLVED"));
	}

	@Test
	void theQuietDayAfterTheReindexSaysOnceThatTheSpikeIsResolved(@TempDir Path out) throws Exception {
		assertThat(app.run(REINDEX.get(2), out).succeeded()).isTrue();
		JsonNode spike = alert(out, REINDEX.get(2));

		DayResult quiet = app.run(LocalDate.of(2026, 11, 28), out);
		JsonNode digest = DigestJson.read(quiet.digestJson()).root();
		assertThat(DigestSchema.violations(digest)).isEmpty();
		assertThat(digest.get("status").asString()).as("a resolved finding never raises the status").isEqualTo("OK");
		assertThat(digest.get("findings")).hasSize(1);
		JsonNode resolved = digest.get("findings").get(0);
		assertThat(resolved.get("kind").asString()).isEqualTo("SPIKE");
		assertThat(resolved.get("severity").asString()).isEqualTo("INFO");
		assertThat(resolved.get("subject").asString()).isEqualTo(spike.get("subject").asString());
		assertThat(resolved.get("source").asString()).isEqualTo("default");
		assertThat(resolved.get("id").asString()).as("the id of the run it ends").isEqualTo(spike.get("id").asString());
		assertThat(resolved.get("details").get("state").get("state").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("details").get("previousSeverity").asString()).isEqualTo("ALERT");
		assertThat(resolved.get("reason").asString()).startsWith("Resolved (ALERT ")
			.contains(", not seen today): vk-vault-indexer · gemini-flash-lite")
			.doesNotContain("· day ");
		String text = java.nio.file.Files.readString(out.resolve("digest-2026-11-28.txt"));
		assertThat(text).contains("[INFO] SPIKE (resolved) · workload:vk-vault-indexer/model:gemini-flash-lite")
			.doesNotContain("WHY:");

		// said once: the day after, it is dropped
		JsonNode next = DigestJson.read(app.run(LocalDate.of(2026, 11, 29), out).digestJson()).root();
		next.get("findings").forEach(f -> assertThat(f.get("kind").asString()).isNotEqualTo("SPIKE"));
	}

	@Test
	void thirtyCentsBecomingNinetyRaisesNothing(@TempDir Path out) {
		DayResult result = app.run(NOISE, out);
		assertThat(DigestSchema.violations(DigestJson.read(result.digestJson()).root())).isEmpty();
		JsonNode digest = DigestJson.read(result.digestJson()).root();
		assertThat(digest.get("status").asString()).isEqualTo("OK");
		assertThat(digest.get("findings")).isEmpty();
		JsonNode hermes = digest.get("workloads").get(0);
		assertThat(hermes.get("workload").asString()).isEqualTo("vk-hermes");
		assertThat(hermes.get("usd").decimalValue()).isBetween(new java.math.BigDecimal("0.85"),
				new java.math.BigDecimal("0.95"));
		JsonNode quiet = digest.get("baseline").get("quietMovers");
		List<String> rules = new ArrayList<>();
		quiet.forEach(m -> rules.add(m.get("subject").asString() + " " + m.get("rule").asString()));
		assertThat(rules).anySatisfy(r -> assertThat(r).startsWith("workload:vk-hermes quiet: excess $0.5")
			.contains("< $1.00 watch floor"));
		assertThat(digest.get("attributionHealth").get("share").asDouble()).isZero();
	}

	@Test
	void aPlannedWindowRaisesNothingAndIsShownAsPlanned(@TempDir Path out) {
		try (AuditApp planned = AuditApp.start(db.endpoint(), CLOCK,
				Map.of("spend-audit.store.schema", "planned_audit", "spend-audit.planned[0].workload",
						"vk-vault-indexer", "spend-audit.planned[0].from", "2026-11-25", "spend-audit.planned[0].to",
						"2026-11-27", "spend-audit.planned[0].note", "vault reindex"))) {
			DayResult result = planned.run(REINDEX.get(1), out);
			assertThat(DigestSchema.violations(DigestJson.read(result.digestJson()).root())).isEmpty();
			JsonNode digest = DigestJson.read(result.digestJson()).root();
			assertThat(digest.get("status").asString()).isEqualTo("OK");
			assertThat(digest.get("findings")).hasSize(1);
			JsonNode finding = digest.get("findings").get(0);
			assertThat(finding.get("severity").asString()).isEqualTo("INFO");
			assertThat(finding.get("subject").asString()).isEqualTo("workload:vk-vault-indexer/model:gemini-flash-lite");
			assertThat(finding.get("reason").asString()).endsWith(" · planned: vault reindex (day 2 of 3)");
			assertThat(finding.get("details").get("state").get("state").asString()).isEqualTo("PLANNED");
			assertThat(digest.get("baseline").get("plannedUsd").decimalValue()).isGreaterThan(new java.math.BigDecimal("59"));

			// the planned days stay out of the vault indexer's later baselines
			JsonNode after = DigestJson.read(planned.run(LocalDate.of(2026, 11, 28), out).digestJson()).root();
			assertThat(after.get("findings")).isEmpty();
		}
	}

	static JsonNode alert(Path out, LocalDate day) {
		List<JsonNode> alerts = severity(DigestJson.read(out.resolve("digest-" + day + ".json")).root(), "ALERT");
		assertThat(alerts).hasSize(1);
		return alerts.get(0);
	}

	static List<JsonNode> severity(JsonNode digest, String severity) {
		List<JsonNode> found = new ArrayList<>();
		digest.get("findings").forEach(f -> {
			if (f.get("severity").asString().equals(severity)) {
				found.add(f);
			}
		});
		return found;
	}

	static Call call(String id, String key, String alias, String model, String provider, LocalDate day, int hour,
			double spend, int prompt, int completion) {
		return Call.of(id, key, alias, model, provider, day.atTime(8 + hour % 12, (id.hashCode() & 0x7fffffff) % 60),
				spend, prompt, completion);
	}

}
