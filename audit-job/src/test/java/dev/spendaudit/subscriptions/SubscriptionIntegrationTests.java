package dev.spendaudit.subscriptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.store.jooq.Tables.SUBSCRIPTION_DAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two coding plans over months of 28, 30 and 31 days: a monthly GLM plan spread over its workloads and a yearly
 * Kimi plan that starts mid-November. Every day two squads call GLM and Kimi (zero spend) and one workload calls a
 * metered model for $0.02.
 */
class SubscriptionIntegrationTests {

	static final String SQUAD_A = KeyHash.of("sk-squad-a");

	static final String SQUAD_B = KeyHash.of("sk-squad-b");

	static final String HERMES = KeyHash.of("sk-hermes");

	static LiteLlmDatabase db;

	static AuditApp app;

	@TempDir
	static Path out;

	@BeforeAll
	static void plansAndTraffic() {
		db = LiteLlmDatabase.create("subscriptions");
		db.writer().key(SQUAD_A, "vk-squad-a", "sk-...ad-a");
		db.writer().key(SQUAD_B, "vk-squad-b", "sk-...ad-b");
		db.writer().key(HERMES, "vk-hermes", "sk-...rmes");
		List<Call> calls = new ArrayList<>();
		days(calls, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 15));
		days(calls, LocalDate.of(2026, 10, 20), LocalDate.of(2027, 1, 1));
		db.writer().spendLogs(calls);
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2027-01-01T06:00:00Z"), ZoneOffset.UTC),
				Map.of("spend-audit.subscriptions[0].name", "z.ai GLM Coding Pro",
						"spend-audit.subscriptions[0].fee-usd", "84", "spend-audit.subscriptions[0].period", "monthly",
						"spend-audit.subscriptions[0].models[0]", "glm-*",
						"spend-audit.subscriptions[0].attribute-to-workloads", "true",
						"spend-audit.subscriptions[1].name", "Kimi", "spend-audit.subscriptions[1].fee-usd", "365",
						"spend-audit.subscriptions[1].period", "yearly", "spend-audit.subscriptions[1].models[0]",
						"moonshot/*", "spend-audit.subscriptions[1].starts", "2026-11-10"));
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void thirtyDayMonth() {
		DigestJson digest = audit(LocalDate.of(2026, 11, 26));
		JsonNode glm = plan(digest, "z.ai GLM Coding Pro");
		assertThat(glm.get("usd").decimalValue()).isEqualByComparingTo("2.8");
		assertThat(glm.get("periodUsd").decimalValue()).isEqualByComparingTo("84");
		assertThat(glm.get("requests").asLong()).isEqualTo(6);
		assertThat(glm.get("tokens").asLong()).isEqualTo(6 * 1_200);
		assertThat(glm.get("monthToDateUsd").decimalValue()).isEqualByComparingTo("72.8");
		// 4 October days at 84/31 and 26 November days at 84/30, over 30 days of 7,200 tokens
		assertThat(glm.get("fee30dUsd").decimalValue()).isEqualByComparingTo("83.63871");
		assertThat(glm.get("tokens30d").asLong()).isEqualTo(30 * 7_200);
		assertThat(glm.get("usdPerMillionTokens").decimalValue()).isEqualByComparingTo("387.21625");
		assertThat(glm.get("workloads").get(0).get("workload").asString()).isEqualTo("vk-squad-a");
		assertThat(glm.get("workloads").get(0).get("usd").decimalValue()).isEqualByComparingTo("1.866667");
		assertThat(glm.get("workloads").get(1).get("usd").decimalValue()).isEqualByComparingTo("0.933333");
		JsonNode kimi = plan(digest, "Kimi");
		assertThat(kimi.get("usd").decimalValue()).isEqualByComparingTo("1");
		assertThat(kimi.get("monthToDateUsd").decimalValue()).as("paid for since the 10th").isEqualByComparingTo("17");
		assertThat(kimi.get("usdPerMillionTokens").decimalValue()).isEqualByComparingTo("277.777778");
		assertThat(kimi.get("workloads")).isEmpty();
		assertThat(digest.meteredUsd()).isEqualByComparingTo("0.02");
		assertThat(digest.root().get("totalUsd").decimalValue()).isEqualByComparingTo("3.82");
		JsonNode costs = digest.root().get("costs");
		assertThat(costs.get("monthStart").asString()).isEqualTo("2026-11-01");
		assertThat(costs.get("metered").get("monthToDateUsd").decimalValue()).isEqualByComparingTo("0.52");
		assertThat(costs.get("flatFee").get("usd").decimalValue()).isEqualByComparingTo("3.8");
		assertThat(costs.get("flatFee").get("monthToDateUsd").decimalValue()).isEqualByComparingTo("89.8");
		assertThat(costs.get("total").get("monthToDateUsd").decimalValue()).isEqualByComparingTo("90.32");
		JsonNode byWorkload = digest.root().get("flatFeeByWorkload");
		assertThat(byWorkload.get(0).get("workload").asString()).isEqualTo("vk-squad-a");
		assertThat(byWorkload.get(0).get("usd").decimalValue()).isEqualByComparingTo("1.866667");
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
	}

	@Test
	void twentyEightDayMonthBeforeTheYearlyPlanStarted() {
		DigestJson digest = audit(LocalDate.of(2026, 2, 14));
		assertThat(digest.root().get("subscriptions")).hasSize(1);
		JsonNode glm = plan(digest, "z.ai GLM Coding Pro");
		assertThat(glm.get("usd").decimalValue()).isEqualByComparingTo("3");
		assertThat(glm.get("monthToDateUsd").decimalValue()).isEqualByComparingTo("42");
		assertThat(digest.root().get("totalUsd").decimalValue()).isEqualByComparingTo("3.02");
		assertThat(app.bean(CoveredModels.class).planFor("kimi-k2", LocalDate.of(2026, 2, 14))).isEmpty();
		assertThat(app.bean(CoveredModels.class).planFor("glm-4.6", LocalDate.of(2026, 2, 14)))
			.contains("z.ai GLM Coding Pro");
	}

	@Test
	void thirtyOneDayMonthEndsOnTheWholeFee() {
		DigestJson digest = audit(LocalDate.of(2026, 12, 31));
		assertThat(plan(digest, "z.ai GLM Coding Pro").get("usd").decimalValue()).isEqualByComparingTo("2.709677");
		assertThat(plan(digest, "z.ai GLM Coding Pro").get("monthToDateUsd").decimalValue()).isEqualByComparingTo("84");
		assertThat(plan(digest, "Kimi").get("usd").decimalValue()).as("365 over the 365 days of 2026")
			.isEqualByComparingTo("1");
		assertThat(plan(digest, "Kimi").get("monthToDateUsd").decimalValue()).isEqualByComparingTo("31");
		assertThat(digest.root().get("costs").get("total").get("monthToDateUsd").decimalValue())
			.isEqualByComparingTo(String.valueOf(84 + 31 + 0.62));
	}

	@Test
	void rerunReplacesTheDaysPlans() {
		LocalDate day = LocalDate.of(2026, 12, 15);
		audit(day);
		audit(day);
		assertThat(app.store().fetchCount(SUBSCRIPTION_DAY, SUBSCRIPTION_DAY.AUDIT_DATE.eq(day))).isEqualTo(2);
	}

	/** Each day: vk-squad-a 4 GLM calls, vk-squad-b 2 GLM and 3 Kimi calls, vk-hermes 2 metered calls. */
	static void days(List<Call> calls, LocalDate from, LocalDate to) {
		for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
			for (int i = 0; i < 4; i++) {
				calls.add(Call.of("a-" + d + "-" + i, SQUAD_A, "vk-squad-a", "glm-4.6", "zai", d.atTime(9, i), 0, 1_000, 200));
			}
			for (int i = 0; i < 2; i++) {
				calls.add(Call.of("b-" + d + "-" + i, SQUAD_B, "vk-squad-b", "glm-4.6", "zai", d.atTime(10, i), 0, 1_000, 200));
			}
			for (int i = 0; i < 3; i++) {
				calls.add(Call.of("k-" + d + "-" + i, SQUAD_B, "vk-squad-b", "kimi-k2", "moonshot", d.atTime(11, i), 0, 1_000,
						200));
			}
			for (int i = 0; i < 2; i++) {
				calls.add(Call.of("h-" + d + "-" + i, HERMES, "vk-hermes", "gpt-4.1-mini", "openai", d.atTime(12, i), 0.01,
						1_000, 200));
			}
		}
	}

	static DigestJson audit(LocalDate day) {
		DayResult result = app.run(day, out);
		assertThat(result.failure()).isNull();
		return DigestJson.read(result.digestJson());
	}

	static JsonNode plan(DigestJson digest, String name) {
		for (JsonNode p : digest.root().get("subscriptions")) {
			if (p.get("name").asString().equals(name)) {
				return p;
			}
		}
		throw new AssertionError("no plan " + name + " in " + digest.root().get("subscriptions"));
	}

}
