package dev.spendaudit.teams;

import java.math.BigDecimal;
import java.nio.file.Files;
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
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams and tags end to end: LiteLLM-shaped keys, teams and tagged rows in a real PostgreSQL, the job run for the
 * day, the digest's JSON, HTML and text read back.
 */
class TeamsAndTagsIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final LocalDateTime NOON = DAY.atTime(12, 0);

	static final String PLATFORM = KeyHash.of("sk-platform");

	static final String GONE = KeyHash.of("sk-gone");

	static final String DATA = KeyHash.of("sk-data");

	static final String LONER = KeyHash.of("sk-loner");

	/** $1 a day for two weeks, then $20 on the audited day. */
	static final String SPIKY = KeyHash.of("sk-spiky");

	/** Spiky's second key: $0.50 a day for the same two weeks, and nothing on the audited day. */
	static final String SPIKY_TOO = KeyHash.of("sk-spiky-too");

	/** The one key of team Solo: $1 a day for two weeks, then $10 on the audited day (a SPIKE, no TEAM_SPIKE). */
	static final String SOLO = KeyHash.of("sk-solo");

	/** In no key table: its team is the spend log's own team_id. */
	static final String STRAY = KeyHash.of("sk-stray");

	static LiteLlmDatabase db;

	static AuditApp app;

	static DigestJson digest;

	static Path out;

	@BeforeAll
	static void auditOneDay(@TempDir Path dir) {
		out = dir;
		db = LiteLlmDatabase.create("teamstags");
		LiteLlmWriter w = db.writer();
		w.team("team-a", "Platform");
		w.teamBudget("team-a", 15.0, "30d", NOON.plusDays(10), 12.5);
		w.team("team-b", null);
		w.key(PLATFORM, "vk-platform", "sk-...tfrm");
		w.keyTeam(PLATFORM, "team-a");
		w.key(GONE, "vk-gone", "sk-...gone");
		w.keyTeam(GONE, "team-a");
		w.key(DATA, "vk-data", "sk-...data");
		w.keyTeam(DATA, "team-b");
		w.key(LONER, "vk-loner", "sk-...oner");
		w.team("team-c", "Spiky");
		w.key(SPIKY, "vk-spiky", "sk-...piky");
		w.keyTeam(SPIKY, "team-c");
		w.key(SPIKY_TOO, "vk-spiky-too", "sk-...-too");
		w.keyTeam(SPIKY_TOO, "team-c");
		w.team("team-s", "Solo");
		w.key(SOLO, "vk-solo", "sk-...solo");
		w.keyTeam(SOLO, "team-s");
		List<Call> calls = new ArrayList<>();
		for (int d = 1; d <= 14; d++) {
			calls.add(Call.of("k-" + d, SPIKY, null, "gpt-4.1-mini", "openai", NOON.minusDays(d), 1.0, 1000, 100));
			calls.add(Call.of("o-" + d, SOLO, null, "gpt-4.1-mini", "openai", NOON.minusDays(d), 1.0, 1000, 100));
			calls.add(Call.of("t-" + d, SPIKY_TOO, null, "gpt-4.1-mini", "openai", NOON.minusDays(d), 0.5, 1000, 100));
		}
		calls.add(call("k-0", SPIKY, 20.0, "[]"));
		calls.add(call("o-0", SOLO, 10.0, "[]"));
		// one tag set written in two orders (and with a null and an empty element, which are no tags): one set
		calls.add(call("p-1", PLATFORM, 1.0, "[\"prod\", \"web\"]"));
		calls.add(call("p-2", PLATFORM, 2.0, "[\"web\", \"prod\", \"web\", null, \"\"]"));
		calls.add(call("g-1", GONE, 0.5, "[]"));
		calls.add(call("d-1", DATA, 4.0, "[\"prod\"]"));
		calls.add(call("l-1", LONER, 8.0, "[]"));
		// not an array: untagged, and reported
		calls.add(call("l-2", LONER, 16.0, "{\"tags\": \"prod\"}"));
		calls.add(call("s-1", STRAY, 32.0, "[\"batch\"]"));
		w.spendLogs(calls);
		db.execute("update \"LiteLLM_SpendLogs\" set team_id = 'team-log' where request_id = 's-1'");
		// a key in the spend log is deleted the next morning: its team is the deleted copy's
		w.deleteKey(GONE, NOON.plusHours(20));
		Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
		app = AuditApp.start(db.endpoint(), clock, Map.of());
		DayResult result = app.run(DAY, dir);
		assertThat(result.failure()).isNull();
		digest = DigestJson.read(result.digestJson());
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void theDigestIsValidAgainstItsSchema() {
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
	}

	@Test
	void tagSetRowsAddUpToTheDay() {
		JsonNode sets = digest.root().get("tagSets");
		BigDecimal usd = BigDecimal.ZERO;
		long requests = 0;
		for (JsonNode s : sets) {
			usd = usd.add(s.get("usd").decimalValue());
			requests += s.get("requests").asLong();
		}
		assertThat(usd).isEqualByComparingTo(digest.meteredUsd()).isEqualByComparingTo("93.5");
		assertThat(requests).isEqualTo(digest.root().get("metered").get("requests").asLong()).isEqualTo(9);
		assertThat(set("prod", "web").get("usd").decimalValue()).isEqualByComparingTo("3");
		assertThat(set("prod", "web").get("requests").asLong()).isEqualTo(2);
		assertThat(set("batch").get("usd").decimalValue()).isEqualByComparingTo("32");
	}

	@Test
	void aRequestWithTwoTagsCountsInBoth() {
		assertThat(tag("prod").get("usd").decimalValue()).isEqualByComparingTo("7");
		assertThat(tag("prod").get("requests").asLong()).isEqualTo(3);
		assertThat(tag("web").get("usd").decimalValue()).isEqualByComparingTo("3");
		assertThat(tag("web").get("requests").asLong()).isEqualTo(2);
		assertThat(digest.root().get("tags")).hasSize(3);
	}

	@Test
	void aNonArrayValueIsUntaggedAndReportedOnce() {
		JsonNode untagged = set();
		assertThat(untagged.get("usd").decimalValue()).isEqualByComparingTo("54.5");
		assertThat(untagged.get("requests").asLong()).isEqualTo(5);
		assertThat(untagged.get("notArrayRows").asLong()).isEqualTo(1);
		assertThat(tag("{\"tags\": \"prod\"}")).isNull();
	}

	@Test
	void teamsByAliasByIdAndNoTeam() {
		JsonNode platform = team("Platform");
		assertThat(platform.get("teamId").asString()).isEqualTo("team-a");
		// the deleted key's calls stay in its team
		assertThat(platform.get("usd").decimalValue()).isEqualByComparingTo("3.5");
		assertThat(platform.get("requests").asLong()).isEqualTo(3);
		assertThat(platform.get("workloads")).hasSize(2);
		assertThat(team("team-b").get("usd").decimalValue()).isEqualByComparingTo("4");
		assertThat(team("team-log").get("usd").decimalValue()).isEqualByComparingTo("32");
		JsonNode none = team("no team");
		assertThat(none.get("teamId").isNull()).isTrue();
		assertThat(none.get("usd").decimalValue()).isEqualByComparingTo("24");
		JsonNode teams = digest.root().get("teams");
		assertThat(teams.get(teams.size() - 1).get("team").asString()).isEqualTo("no team");
		assertThat(teams.get(0).get("team").asString()).isEqualTo("team-log");
	}

	@Test
	void aTeamBudgetIsProjectedLikeAKeyBudget() {
		JsonNode budget = null;
		for (JsonNode f : digest.root().get("findings")) {
			if (f.get("kind").asString().equals("BUDGET") && f.get("subject").asString().equals("team:Platform")) {
				budget = f;
			}
		}
		assertThat(budget).as("a BUDGET finding for team:Platform in " + digest.root().get("findings")).isNotNull();
		assertThat(budget.get("severity").asString()).isEqualTo("ALERT");
		// $3.50 over the 7 pace days is $0.50 a day, 9.5 days to the reset: 12.5 + 4.75
		assertThat(budget.get("reason").asString()).startsWith("Platform: $12.50 of its $15.00 budget spent, $0.50/day")
			.contains("$17.25");
	}

	@Test
	void aTeamSpikeIsFoundAgainstItsBaselineAndANewTeamIsNot() {
		List<JsonNode> spikes = new ArrayList<>();
		digest.root().get("findings").forEach(f -> {
			if (f.get("kind").asString().equals("TEAM_SPIKE")) {
				spikes.add(f);
			}
		});
		// Solo's one workload spikes too, and its own SPIKE says so: no TEAM_SPIKE repeats it
		assertThat(spikes).as(digest.root().get("findings").toString()).hasSize(1);
		assertThat(digest.root().get("findings").toString()).contains("\"subject\":\"workload:vk-solo");
		JsonNode spike = spikes.get(0);
		assertThat(spike.get("subject").asString()).isEqualTo("team:Spiky");
		assertThat(spike.get("severity").asString()).isEqualTo("ALERT");
		JsonNode details = spike.get("details");
		assertThat(details.get("teamId").asString()).isEqualTo("team-c");
		assertThat(details.get("actualUsd").decimalValue()).isEqualByComparingTo("20");
		assertThat(details.get("baselineUsd").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(details.get("historyDays").asInt()).isEqualTo(14);
		assertThat(details.get("workloads").get(0).get("workload").asString()).isEqualTo("vk-spiky");
	}

	@Test
	void theHtmlAndTextShowTeamsAndSayTagRowsOverlap() throws Exception {
		String html = Files.readString(out.resolve("digest-" + DAY + ".html"));
		String text = Files.readString(out.resolve("digest-" + DAY + ".txt"));
		for (String page : List.of(html, text)) {
			assertThat(page).contains("Platform").contains("team-log").contains("no team");
			assertThat(page).contains("these rows overlap").contains("add up to the day");
			assertThat(page).contains("1 request had request_tags that is not a JSON array");
		}
		assertThat(text).contains("SPEND BY TEAM").contains("prod + web");
		assertThat(html).contains("Spend by team").contains("prod + web");
	}

	static JsonNode set(String... tags) {
		for (JsonNode s : digest.root().get("tagSets")) {
			List<String> names = new ArrayList<>();
			s.get("tags").forEach(t -> names.add(t.asString()));
			if (names.equals(List.of(tags))) {
				return s;
			}
		}
		return null;
	}

	static JsonNode tag(String name) {
		for (JsonNode t : digest.root().get("tags")) {
			if (t.get("tag").asString().equals(name)) {
				return t;
			}
		}
		return null;
	}

	static JsonNode team(String name) {
		for (JsonNode t : digest.root().get("teams")) {
			if (t.get("team").asString().equals(name)) {
				return t;
			}
		}
		throw new AssertionError("no team " + name + " in " + digest.root().get("teams"));
	}

	static Call call(String id, String apiKey, double spend, String tags) {
		return Call.of(id, apiKey, null, "gpt-4.1-mini", "openai", NOON, spend, 1000, 100)
			.withCaller("", "", null, tags);
	}

}
