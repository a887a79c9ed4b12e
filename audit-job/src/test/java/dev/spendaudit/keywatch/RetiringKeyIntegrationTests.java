package dev.spendaudit.keywatch;

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

import dev.spendaudit.history.CallerHistory;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.CallerHints;
import dev.spendaudit.source.CountedValue;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.store.jooq.Tables.RETIRING_KEY_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The old shared key being migrated away: busy until the 10th, two stragglers a day from one host until the
 * 20th, then nothing. Watched with {@code quiet-days: 5}, it goes ACTIVE, QUIETING, SAFE_TO_REVOKE.
 */
class RetiringKeyIntegrationTests {

	static final String SHARED = KeyHash.of("sk-mac-shared-old1");

	static final String ANCIENT = KeyHash.of("sk-ancient-0ld1");

	static final String LIVE = KeyHash.of("sk-live-hourly");

	static final String LEGACY = KeyHash.of("sk-legacy-cron");

	static final LocalDateTime LAST_STRAGGLER = LocalDateTime.of(2026, 11, 20, 15, 0);

	static LiteLlmDatabase db;

	static AuditApp app;

	@TempDir
	static Path out;

	@BeforeAll
	static void migration() {
		db = LiteLlmDatabase.create("retiring");
		db.writer().key(SHARED, "vk-mac-shared", "sk-...old1");
		db.writer().key(ANCIENT, "vk-ancient", "sk-...0ld1");
		db.writer().key(LIVE, "vk-live", "sk-...urly");
		List<Call> calls = new ArrayList<>();
		calls.addAll(Traffic.every(Duration.ofMinutes(30), LocalDateTime.of(2026, 11, 1, 0, 0),
				LocalDateTime.of(2026, 11, 11, 0, 0), SHARED, "vk-mac-shared", "gpt-4.1-mini", "openai", 0.002));
		for (LocalDate d = LocalDate.of(2026, 11, 11); !d.isAfter(LAST_STRAGGLER.toLocalDate()); d = d.plusDays(1)) {
			calls.add(straggler("s1-" + d, d.atTime(9, 0)));
			calls.add(straggler("s2-" + d, d.atTime(15, 0)));
		}
		calls.add(Call.of("ancient-1", ANCIENT, "vk-ancient", "gpt-4.1-nano", "openai", LocalDateTime.of(2026, 11, 1, 8, 0),
				0.0001, 100, 10));
		calls.addAll(Traffic.every(Duration.ofHours(1), LocalDateTime.of(2026, 11, 1, 0, 30),
				LocalDateTime.of(2026, 11, 27, 0, 0), LIVE, "vk-live", "claude-sonnet-4", "anthropic", 0.01));
		calls.addAll(Traffic.every(Duration.ofHours(6), LocalDateTime.of(2026, 11, 1, 1, 0),
				LocalDateTime.of(2026, 11, 27, 0, 0), LEGACY, "vk-legacy-cron", "gpt-4.1-nano", "openai", 0.0001));
		db.writer().spendLogs(calls);
		db.writer().dailyAggregates(calls);
		db.writer().keyTotals(SHARED, 12.5, LAST_STRAGGLER);
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC),
				Map.of("spend-audit.retiring-keys[0].key", "vk-mac-shared",
						"spend-audit.retiring-keys[0].quiet-days", "5",
						"spend-audit.retiring-keys[0].note", "moved to per-host keys; revoke after 2026-11-15",
						"spend-audit.retiring-keys[1].key", "sk-...0ld1", "spend-audit.retiring-keys[2].key", LIVE,
						"spend-audit.retiring-keys[3].key", "vk-typo", "spend-audit.retiring-keys[4].key",
						"vk-legacy-cron"));
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void stragglersKeepTheKeyActiveAndPastItsDateThatIsAWatch() {
		DigestJson digest = audit(LocalDate.of(2026, 11, 20));
		JsonNode shared = key(digest, "vk-mac-shared");
		assertThat(shared.get("verdict").asString()).isEqualTo("ACTIVE");
		assertThat(shared.get("workload").asString()).isEqualTo("vk-mac-shared");
		assertThat(shared.get("matchedBy").asString()).isEqualTo("ALIAS");
		assertThat(shared.get("lastSeen").asString()).isEqualTo("2026-11-20T15:00:00.000Z");
		assertThat(shared.get("requests24h").asLong()).isEqualTo(2);
		assertThat(shared.get("requests7d").asLong()).isEqualTo(14);
		assertThat(shared.get("usd7d").decimalValue()).isEqualByComparingTo("0.014");
		assertThat(shared.get("lastActive").asString()).isEqualTo("2026-11-20T15:00:00.000Z");
		assertThat(shared.get("models").get(0).get("value").asString()).isEqualTo("gpt-4.1-mini");
		JsonNode callers = shared.get("callers");
		assertThat(callers.get("requesterIps").get(0).get("value").asString()).isEqualTo("10.0.0.42");
		assertThat(callers.get("requesterIps").get(0).get("requests").asLong()).isEqualTo(14);
		assertThat(callers.get("endUsers").get(0).get("value").asString()).isEqualTo("squad-boreas");
		assertThat(callers.get("users").get(0).get("value").asString()).isEqualTo("hermes-admin");
		assertThat(callers.get("tags").get(0).get("value").asString()).isEqualTo("launcher:zsh");
		assertThat(callers.get("spendLogsMetadata").get(0).get("value").asString()).contains("mac-mini");
		JsonNode finding = finding(digest, "RETIRING_KEY_ACTIVE", "key:vk-mac-shared");
		assertThat(finding.get("severity").asString()).isEqualTo("WATCH");
		assertThat(finding.get("reason").asString()).contains("still in use after 2026-11-15").contains("10.0.0.42");
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
	}

	@Test
	void aDaysCallersAreReadFromTheLogOnceThenFromTheStore() {
		audit(LocalDate.of(2026, 11, 19));
		CallerHistory history = app.bean(CallerHistory.class);
		LocalDate day = LocalDate.of(2026, 11, 14);
		CallerHints kept = history.hints(List.of(SHARED), "default", day, day).get(day).get(SHARED);
		assertThat(kept.requesterIps()).extracting(CountedValue::value, CountedValue::requests)
			.containsExactly(tuple("10.0.0.42", 2L));
		// a value only the store has: the next night's week of callers shows it, so that day was not read again
		history.keep(day, "default", Map.of(SHARED, new CallerHints(List.of(new CountedValue("10.9.9.9", 3,
				day.atTime(9, 0))), List.of(), List.of(), List.of(), List.of())));
		try {
			JsonNode ips = key(audit(LocalDate.of(2026, 11, 20)), "vk-mac-shared").get("callers").get("requesterIps");
			assertThat(ips.get(0).get("value").asString()).isEqualTo("10.0.0.42");
			assertThat(ips.get(0).get("requests").asLong()).as("the six days read from the log").isEqualTo(12);
			assertThat(ips.get(1).get("value").asString()).isEqualTo("10.9.9.9");
		}
		finally {
			history.keep(day, "default", Map.of(SHARED, kept));
		}
	}

	@Test
	void quietForLessThanQuietDaysIsQuieting() {
		JsonNode shared = key(audit(LocalDate.of(2026, 11, 22)), "vk-mac-shared");
		assertThat(shared.get("verdict").asString()).isEqualTo("QUIETING");
		assertThat(shared.get("requests24h").asLong()).isZero();
		assertThat(shared.get("lastSeen").asString()).isEqualTo("2026-11-20T15:00:00.000Z");
		// the daily aggregates count the 20th: quiet from the end of that UTC day, to be safe
		assertThat(shared.get("quietForHours").decimalValue()).isEqualByComparingTo("48");
	}

	@Test
	void quietForQuietDaysIsSafeToRevoke() {
		DigestJson digest = audit(LocalDate.of(2026, 11, 26));
		JsonNode shared = key(digest, "vk-mac-shared");
		assertThat(shared.get("verdict").asString()).isEqualTo("SAFE_TO_REVOKE");
		assertThat(shared.get("requests7d").asLong()).as("the 20th is still within 7 days").isEqualTo(2);
		assertThat(finding(digest, "RETIRING_KEY_SAFE_TO_REVOKE", "key:vk-mac-shared").get("reason").asString())
			.contains("quiet for 6 d")
			.as("which key to revoke, by its fingerprint")
			.startsWith("vk-mac-shared (key " + SHARED.substring(0, 12) + ") ");
	}

	@Test
	void keyNamesHashesRequestAliasesAndTypos() {
		DigestJson digest = audit(LocalDate.of(2026, 11, 20));
		JsonNode ancient = key(digest, "sk-...0ld1");
		assertThat(ancient.get("matchedBy").asString()).isEqualTo("KEY_NAME");
		assertThat(ancient.get("workload").asString()).isEqualTo("vk-ancient");
		assertThat(ancient.get("verdict").asString()).isEqualTo("SAFE_TO_REVOKE");
		assertThat(ancient.get("lastSeen").isNull()).as("no row in the look-back").isTrue();
		assertThat(ancient.get("lastDailyAggregate").asString()).isEqualTo("2026-11-01");
		// configured by its hash, it is named by its fingerprint in the JSON too: no output holds the whole hash
		JsonNode live = key(digest, LIVE.substring(0, 12));
		assertThat(live.get("matchedBy").asString()).isEqualTo("TOKEN_HASH");
		assertThat(live.get("verdict").asString()).isEqualTo("ACTIVE");
		assertThat(live.get("fingerprints").get(0).asString()).isEqualTo(LIVE.substring(0, 12));
		// a key configured by its hash is named by its fingerprint, as the keys command shows it
		JsonNode liveFinding = finding(digest, "RETIRING_KEY_ACTIVE", "key:" + LIVE.substring(0, 12));
		assertThat(liveFinding.get("severity").asString()).isEqualTo("INFO");
		assertThat(liveFinding.toString()).doesNotContain(LIVE);
		JsonNode legacy = key(digest, "vk-legacy-cron");
		assertThat(legacy.get("verdict").asString()).as("known only by its requests' alias").isEqualTo("ACTIVE");
		assertThat(legacy.get("requests24h").asLong()).isEqualTo(4);
		assertThat(key(digest, "vk-typo").get("verdict").asString()).isEqualTo("NOT_FOUND");
		assertThat(finding(digest, "RETIRING_KEY_NOT_FOUND", "key:vk-typo").get("reason").asString())
			.contains("spend-audit.retiring-keys[3].key");
		assertThat(digest.root().get("status").asString()).isEqualTo("WATCH");
	}

	@Test
	void rerunReplacesTheChecklist() {
		LocalDate day = LocalDate.of(2026, 11, 24);
		audit(day);
		audit(day);
		assertThat(app.store().fetchCount(RETIRING_KEY_DAY, RETIRING_KEY_DAY.AUDIT_DATE.eq(day))).isEqualTo(5);
	}

	static Call straggler(String id, LocalDateTime at) {
		return Call.of(id, SHARED, "vk-mac-shared", "gpt-4.1-mini", "openai", at, 0.001, 500, 50)
			.withCaller("hermes-admin", "squad-boreas", "10.0.0.42", "[\"launcher:zsh\"]")
			.withMetadata("{\"user_api_key\": \"" + SHARED + "\", \"user_api_key_alias\": \"vk-mac-shared\", "
					+ "\"spend_logs_metadata\": {\"host\": \"mac-mini\", \"job\": \"hotkey-summarize\"}}");
	}

	static DigestJson audit(LocalDate day) {
		DayResult result = app.run(day, out);
		assertThat(result.failure()).isNull();
		return DigestJson.read(result.digestJson());
	}

	static JsonNode key(DigestJson digest, String key) {
		for (JsonNode k : digest.root().get("retiringKeys")) {
			if (k.get("key").asString().equals(key)) {
				return k;
			}
		}
		throw new AssertionError("no retiring key " + key + " in " + digest.root().get("retiringKeys"));
	}

	static JsonNode finding(DigestJson digest, String kind, String subject) {
		for (JsonNode f : digest.root().get("findings")) {
			if (f.get("kind").asString().equals(kind) && f.get("subject").asString().equals(subject)) {
				return f;
			}
		}
		throw new AssertionError("no " + kind + " about " + subject + " in " + digest.root().get("findings"));
	}

}
