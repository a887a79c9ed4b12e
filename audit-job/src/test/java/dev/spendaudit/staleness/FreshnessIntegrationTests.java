package dev.spendaudit.staleness;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed story's 34 silent hours: two keys calling all day, a 34-hour hole in the spend log that ended six hours
 * before the end of the audited day, and what LiteLLM's daily aggregates say about it.
 */
class FreshnessIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final LocalDateTime HOLE_FROM = LocalDateTime.of(2026, 11, 25, 8, 0);

	static final LocalDateTime HOLE_TO = LocalDateTime.of(2026, 11, 26, 18, 0);

	static final Clock NIGHT_AFTER = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);

	static final String KEY_A = KeyHash.of("sk-fresh-a");

	static final String KEY_B = KeyHash.of("sk-fresh-b");

	@TempDir
	Path out;

	@Test
	void holeWhileTheDailyAggregatesKeepCountingIsLoggingOff() {
		try (LiteLlmDatabase db = database("loggingoff"); AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
				Map.of())) {
			List<Call> calls = traffic();
			db.writer().spendLogs(Traffic.without(calls, HOLE_FROM, HOLE_TO));
			db.writer().dailyAggregates(calls);

			DigestJson digest = audit(app, DAY);
			JsonNode f = digest.root().get("freshness");
			assertThat(f.get("status").asString()).isEqualTo("LOGGING_OFF");
			assertThat(f.get("signal").asString()).isEqualTo("DAILY_AGGREGATES");
			assertThat(f.get("maxGapHours").decimalValue()).isEqualByComparingTo("34.33");
			assertThat(f.get("maxGapFrom").asString()).isEqualTo("2026-11-25T07:40:00.000Z");
			assertThat(f.get("maxGapTo").asString()).isEqualTo("2026-11-26T18:00:00.000Z");
			assertThat(f.get("newestRow").asString()).isEqualTo("2026-11-26T23:40:00.000Z");
			assertThat(f.get("ageHours").decimalValue()).isEqualByComparingTo("0.33");
			JsonNode uncaptured = f.get("uncaptured");
			// 34 h of vk-a every 20 min and vk-b every 30 min
			assertThat(uncaptured.get("requests").asLong()).isEqualTo(102 + 68);
			assertThat(uncaptured.get("usd").decimalValue()).isEqualByComparingTo("4.42");
			assertThat(uncaptured.get("silentHours")).hasSize(1);
			assertThat(uncaptured.get("silentHours").get(0).get("from").asString()).isEqualTo("2026-11-25T08:00:00.000Z");
			assertThat(uncaptured.get("silentHours").get(0).get("to").asString()).isEqualTo("2026-11-26T18:00:00.000Z");
			assertThat(uncaptured.get("silentHours").get(0).get("hours").asLong()).isEqualTo(34);
			assertThat(uncaptured.get("keys")).hasSize(4);
			assertThat(uncaptured.get("byWorkload").get(0).get("workload").asString()).isEqualTo("vk-b");
			assertThat(uncaptured.get("byWorkload").get(0).get("requests").asLong()).isEqualTo(68);
			assertThat(uncaptured.get("byWorkload").get(0).get("usd").decimalValue()).isEqualByComparingTo("3.4");
			assertThat(f.get("explanation").asString()).contains("2026-11-25 08:00 – 2026-11-26 18:00 UTC (34 h)")
				.contains("vk-b, vk-a")
				.contains("170 successful requests");
			JsonNode finding = finding(digest, "LOGGING_OFF");
			assertThat(finding.get("severity").asString()).isEqualTo("ALERT");
			assertThat(finding.get("actualUsd").decimalValue()).isEqualByComparingTo("4.42");
			assertThat(digest.root().get("status").asString()).isEqualTo("ALERT");
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
		}
	}

	@Test
	void rerunOfAPastDayReportsWhatThatNightWouldHaveSeen() {
		try (LiteLlmDatabase db = database("pastnight"); AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
				Map.of())) {
			List<Call> calls = traffic();
			db.writer().spendLogs(Traffic.without(calls, HOLE_FROM, HOLE_TO));
			db.writer().dailyAggregates(calls);

			JsonNode f = audit(app, DAY.minusDays(1)).root().get("freshness");
			assertThat(f.get("windowEnd").asString()).isEqualTo("2026-11-26T00:00:00.000Z");
			assertThat(f.get("newestRow").asString()).isEqualTo("2026-11-25T07:40:00.000Z");
			assertThat(f.get("ageHours").decimalValue()).isEqualByComparingTo("16.33");
			assertThat(f.get("ageHoursAtRun").decimalValue()).as("at run time the log is fresh again")
				.isEqualByComparingTo("6.33");
			assertThat(f.get("status").asString()).isEqualTo("LOGGING_OFF");
			assertThat(f.get("uncaptured").get("silentHours").get(0).get("to").asString())
				.isEqualTo("2026-11-26T00:00:00.000Z");
		}
	}

	@Test
	void loggingOffTwoNightsRunningIsStoredWithItsMemory() {
		try (LiteLlmDatabase db = database("twonights"); AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
				Map.of())) {
			List<Call> calls = traffic();
			db.writer().spendLogs(Traffic.without(calls, HOLE_FROM, HOLE_TO));
			db.writer().dailyAggregates(calls);

			JsonNode first = finding(audit(app, DAY.minusDays(1)), "LOGGING_OFF");
			assertThat(first.get("details").get("state").get("state").asString()).isEqualTo("NEW");
			DigestJson digest = audit(app, DAY);
			JsonNode second = finding(digest, "LOGGING_OFF");
			assertThat(second.get("reason").asString()).endsWith(" · day 2, since 2026-11-25");
			assertThat(second.get("details").get("state").get("state").asString()).isEqualTo("CONTINUING");
			assertThat(second.get("details").get("state").get("day").asInt()).isEqualTo(2);
			assertThat(second.get("id").asString()).as("one run, one id").isEqualTo(first.get("id").asString());
			assertThat(second.get("details").get("silentHours")).as("its numbers are still there").hasSize(1);
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
			assertThat(app.store().fetchCount(dev.spendaudit.store.jooq.Tables.FINDING,
					dev.spendaudit.store.jooq.Tables.FINDING.KIND.eq("LOGGING_OFF"))).as("stored, once a night")
				.isEqualTo(2);
		}
	}

	@Test
	void sameHoleWithTheAggregatesAlsoEmptyIsIdle() {
		try (LiteLlmDatabase db = database("idle"); AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
				Map.of())) {
			List<Call> logged = Traffic.without(traffic(), HOLE_FROM, HOLE_TO);
			db.writer().spendLogs(logged);
			db.writer().dailyAggregates(logged);

			DigestJson digest = audit(app, DAY);
			JsonNode f = digest.root().get("freshness");
			assertThat(f.get("status").asString()).isEqualTo("IDLE");
			assertThat(f.get("maxGapHours").decimalValue()).isEqualByComparingTo("34.33");
			assertThat(f.get("uncaptured").get("requests").asLong()).isZero();
			assertThat(f.get("explanation").asString()).contains("No spend-log rows for 34 h")
				.contains("daily aggregates agree there was no traffic");
			assertThat(finding(digest, "SPEND_LOG_IDLE").get("severity").asString()).isEqualTo("INFO");
		}
	}

	@Test
	void aUtcDayStillInProgressIsComparedTheNextNight() {
		try (LiteLlmDatabase db = database("settle")) {
			List<Call> logged = new ArrayList<>(traffic());
			db.writer().spendLogs(logged);
			// 22:00 in New York on the audited day, 03:00 UTC the next day: counted, never logged
			List<Call> counted = new ArrayList<>(logged);
			counted.add(Call.of("late-unlogged", KEY_A, "vk-a", "gpt-4.1-mini", "openai", DAY.plusDays(1).atTime(3, 0),
					0.01, 1_000, 200));
			db.writer().dailyAggregates(counted);
			Map<String, String> newYork = Map.of("spend-audit.zone", "America/New_York");
			// 06:15 in New York: the UTC day of that call is still in progress
			try (AuditApp app = AuditApp.start(db.endpoint(),
					Clock.fixed(Instant.parse("2026-11-27T11:15:00Z"), ZoneOffset.UTC), newYork)) {
				assertThat(audit(app, DAY).root().get("freshness").get("status").asString()).isEqualTo("OK");
			}
			try (AuditApp app = AuditApp.start(db.endpoint(),
					Clock.fixed(Instant.parse("2026-11-28T11:15:00Z"), ZoneOffset.UTC), newYork)) {
				JsonNode f = audit(app, DAY.plusDays(1)).root().get("freshness");
				assertThat(f.get("status").asString()).isEqualTo("LOGGING_OFF");
				assertThat(f.get("uncaptured").get("requests").asLong()).isEqualTo(1);
			}
		}
	}

	@Test
	void sameHoleWithNoIndependentSignalIsStale() {
		try (LiteLlmDatabase db = database("stale"); AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
				Map.of())) {
			// the aggregate table exists, but this proxy stopped writing it
			db.writer().spendLogs(Traffic.without(traffic(), HOLE_FROM, HOLE_TO));

			DigestJson digest = audit(app, DAY);
			JsonNode f = digest.root().get("freshness");
			assertThat(f.get("status").asString()).isEqualTo("STALE");
			assertThat(f.get("signal").asString()).isEqualTo("NONE");
			assertThat(f.get("severity").asString()).as("34.3 h is past the 26 h warn age, short of the 36 h error age")
				.isEqualTo("WATCH");
			assertThat(f.get("explanation").asString()).contains("an idle gateway and a broken spend log look the same")
				.contains("\"LiteLLM_DailyUserSpend\" has no rows for the last 7 days")
				.contains("spend-audit.freshness.canary-key")
				.contains("compared from the second nightly run");
			assertThat(finding(digest, "STALE").get("severity").asString()).isEqualTo("WATCH");
			assertThat(digest.root().get("status").asString()).isEqualTo("WATCH");
		}
	}

	@Test
	void staleBeyondTheErrorAgeIsAnAlert() {
		try (LiteLlmDatabase db = database("staleerror")) {
			db.execute("DROP TABLE \"LiteLLM_DailyUserSpend\"");
			db.writer().spendLogs(Traffic.without(traffic(), HOLE_FROM, HOLE_TO));
			JsonNode f;
			try (AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
					Map.of("spend-audit.freshness.warn-age", "12h", "spend-audit.freshness.error-age", "30h"))) {
				f = audit(app, DAY).root().get("freshness");
			}
			assertThat(f.get("status").asString()).isEqualTo("STALE");
			assertThat(f.get("severity").asString()).isEqualTo("ALERT");
			assertThat(f.get("warnAgeHours").decimalValue()).isEqualByComparingTo("12");
			assertThat(f.get("explanation").asString()).doesNotContain("has no rows for the last");
		}
	}

	@Test
	void silentCanaryIsAnAlertAndAnUnknownCanaryToo() {
		try (LiteLlmDatabase db = database("canary")) {
			String canary = KeyHash.of("sk-canary");
			db.writer().key(canary, "audit-canary", "sk-...nary");
			List<Call> calls = new ArrayList<>(traffic());
			List<Call> beats = Traffic.every(Duration.ofHours(1), LocalDateTime.of(2026, 11, 23, 0, 5),
					LocalDateTime.of(2026, 11, 27, 0, 0), canary, "audit-canary", "gpt-4.1-nano", "openai", 0.000002);
			// the canary's cron stopped for four beats on the audited day
			calls.addAll(Traffic.without(beats, DAY.atTime(9, 0), DAY.atTime(13, 0)));
			db.writer().spendLogs(calls);
			db.writer().dailyAggregates(calls);
			try (AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
					Map.of("spend-audit.freshness.canary-key", "audit-canary"))) {
				DigestJson digest = audit(app, DAY);
				JsonNode f = digest.root().get("freshness");
				assertThat(f.get("status").asString()).as("the rest of the traffic was logged").isEqualTo("OK");
				assertThat(f.get("canary").get("silent").asBoolean()).isTrue();
				assertThat(f.get("canary").get("longestSilenceFrom").asString()).isEqualTo("2026-11-26T08:05:00.000Z");
				assertThat(f.get("canary").get("longestSilenceTo").asString()).isEqualTo("2026-11-26T13:05:00.000Z");
				assertThat(f.get("canary").get("longestSilenceHours").decimalValue()).isEqualByComparingTo("5");
				JsonNode silent = finding(digest, "CANARY_SILENT");
				assertThat(silent.get("severity").asString()).isEqualTo("ALERT");
				assertThat(silent.get("subject").asString()).isEqualTo("key:audit-canary");
				assertThat(digest.root().get("status").asString()).isEqualTo("ALERT");
				assertThat(audit(app, DAY.minusDays(1)).root().get("freshness").get("canary").get("silent").asBoolean())
					.as("the day before, it called every hour")
					.isFalse();
			}
			try (AuditApp app = AuditApp.start(db.endpoint(), NIGHT_AFTER,
					Map.of("spend-audit.freshness.canary-key", "audit-canery"))) {
				assertThat(finding(audit(app, DAY), "CANARY_UNKNOWN").get("severity").asString()).isEqualTo("ALERT");
			}
		}
	}

	/** vk-a every 20 minutes at $0.01 and vk-b every 30 minutes at $0.05, from three days before the day to its end. */
	static List<Call> traffic() {
		LocalDateTime from = DAY.minusDays(3).atStartOfDay();
		LocalDateTime to = DAY.plusDays(1).atStartOfDay();
		List<Call> calls = new ArrayList<>(
				Traffic.every(Duration.ofMinutes(20), from, to, KEY_A, "vk-a", "gpt-4.1-mini", "openai", 0.01));
		calls.addAll(Traffic.every(Duration.ofMinutes(30), from, to, KEY_B, "vk-b", "claude-sonnet-4", "anthropic", 0.05));
		return calls;
	}

	static LiteLlmDatabase database(String purpose) {
		LiteLlmDatabase db = LiteLlmDatabase.create(purpose);
		db.writer().key(KEY_A, "vk-a", "sk-...sh-a");
		db.writer().key(KEY_B, "vk-b", "sk-...sh-b");
		return db;
	}

	DigestJson audit(AuditApp app, LocalDate day) {
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
		throw new AssertionError("no " + kind + " finding in " + digest.root().get("findings"));
	}

}
