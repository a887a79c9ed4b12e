package dev.spendaudit.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watched keys' callers, counted by the day's one scan, are exactly what the key watch's own pass over the
 * keys' rows counts (IPs, end users, users, every tag of a tag array, {@code spend_logs_metadata}), in a zone whose
 * day spans two UTC dates; a watched key without calls has empty hints; the facts are the same as without watching.
 */
class WatchedCallersIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

	static final AuditDay DAY = AuditDay.of(LocalDate.of(2026, 11, 26), ZONE);

	static final String RETIRING = KeyHash.of("sk-retiring");

	static final String ALSO = KeyHash.of("sk-also-retiring");

	static final String QUIET = KeyHash.of("sk-quiet-retiring");

	static final String OTHER = KeyHash.of("sk-other");

	static LiteLlmDatabase db;

	static LiteLlmSource source;

	@BeforeAll
	static void seed() {
		db = LiteLlmDatabase.create("watchedcallers");
		db.writer().key(RETIRING, "vk-retiring", "sk-...ring");
		db.writer().key(OTHER, "vk-other", "sk-...ther");
		Random random = new Random(5);
		String[] ips = { "10.0.0.1", "10.0.0.2", "192.168.1.9", "", null };
		String[] users = { "alice", "bob", "", null };
		String[] tags = { "[]", "[\"nightly\"]", "[\"nightly\", \"team:a\"]", "[\"\", 7, null, {\"x\": 1}]", "{}",
				"\"not-an-array\"", null };
		String[] metadata = { "{\"spend_logs_metadata\": {\"job\": \"sync\"}}", "{\"spend_logs_metadata\": {}}",
				"[1, 2]", "{\"user_api_key_alias\": \"vk-retiring\"}" };
		List<Call> calls = new ArrayList<>();
		LocalDateTime from = DAY.fromUtc().minusHours(2);
		for (int i = 0; i < 600; i++) {
			String key = i % 3 == 0 ? RETIRING : i % 3 == 1 ? ALSO : OTHER;
			LocalDateTime at = from.plusMinutes(random.nextInt(28 * 60));
			Call c = Call.of("req-" + i, key, "vk", "gpt-4.1-mini", "openai", at, 0.001, 100, 10)
				.withCaller(users[random.nextInt(users.length)], users[random.nextInt(users.length)],
						ips[random.nextInt(ips.length)], tags[random.nextInt(tags.length)]);
			if (random.nextInt(3) == 0) {
				c = c.withMetadata(metadata[random.nextInt(metadata.length)]);
			}
			calls.add(c);
		}
		db.writer().spendLogs(calls);
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setUrl(db.endpoint().url());
		ds.setUser(db.endpoint().username());
		ds.setPassword(db.endpoint().password());
		source = new LiteLlmSource(ds, new SourceSettings(null, null, null, null, null));
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void theDaysReadCountsTheWatchedKeysCallersAsTheirOwnPassDoes() {
		Set<String> watched = Set.of(RETIRING, ALSO, QUIET);
		DayFacts facts = source.readDay(DAY, source.coverage(DAY), watched);
		Map<String, CallerHints> ownPass = source.callerHintsByDay(watched, DAY.fromUtc(), DAY.toUtc(), ZONE)
			.get(DAY.date());
		assertThat(facts.callers()).containsOnlyKeys(RETIRING, ALSO, QUIET);
		assertThat(facts.callers().get(RETIRING)).isEqualTo(ownPass.get(RETIRING));
		assertThat(facts.callers().get(ALSO)).isEqualTo(ownPass.get(ALSO));
		assertThat(facts.callers().get(RETIRING).requesterIps()).isNotEmpty();
		assertThat(facts.callers().get(RETIRING).tags()).extracting(CountedValue::value)
			.contains("nightly", "team:a", "7", "{\"x\": 1}");
		assertThat(facts.callers().get(RETIRING).spendLogsMetadata()).isNotEmpty();
		assertThat(ownPass).doesNotContainKey(QUIET);
		assertThat(facts.callers().get(QUIET)).isEqualTo(new CallerHints.Builder().build(CallerScan.KEPT));
	}

	@Test
	void watchingChangesNoFact() {
		DayFacts watching = source.readDay(DAY, source.coverage(DAY), Set.of(RETIRING, ALSO));
		DayFacts plain = source.readDay(DAY);
		assertThat(plain.callers()).isEmpty();
		assertThat(watching.groups()).containsExactlyInAnyOrderElementsOf(plain.groups());
		assertThat(watching.promptBuckets()).containsExactlyInAnyOrderElementsOf(plain.promptBuckets());
		assertThat(watching.providerHours()).containsExactlyInAnyOrderElementsOf(plain.providerHours());
		assertThat(watching.keyUtcDates()).containsExactlyInAnyOrderElementsOf(plain.keyUtcDates());
	}

}
