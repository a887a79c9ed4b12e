package dev.spendaudit.readday;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day boundaries follow {@code spend-audit.zone}, while LiteLLM stores UTC wall-clock.
 */
class DayWindowIntegrationTests {

	@TempDir
	Path out;

	@Test
	void rowsOnBothSidesOfMidnightInBerlin() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("window")) {
			String key = KeyHash.of("sk-berlin");
			db.writer().key(key, "vk-berlin", "sk-...rlin");
			// 2026-11-26 in Europe/Berlin (UTC+1) is 2026-11-25T23:00Z .. 2026-11-26T23:00Z
			db.writer().spendLogs(List.of(
					call("before", key, LocalDateTime.of(2026, 11, 25, 22, 59, 59), 1),
					call("first", key, LocalDateTime.of(2026, 11, 25, 23, 0, 0), 2),
					call("last", key, LocalDateTime.of(2026, 11, 26, 22, 59, 59, 999_000_000), 4),
					call("after", key, LocalDateTime.of(2026, 11, 26, 23, 0, 0), 8)));
			Clock clock = Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC);
			try (AuditApp app = AuditApp.start(db.endpoint(), clock, Map.of("spend-audit.zone", "Europe/Berlin"))) {
				DayResult result = app.run(LocalDate.of(2026, 11, 26), out);
				DigestJson digest = DigestJson.read(result.digestJson());
				assertThat(digest.meteredUsd()).isEqualByComparingTo("6");
				assertThat(digest.root().get("metered").get("requests").asLong()).isEqualTo(2);
				assertThat(digest.root().get("zone").asString()).isEqualTo("Europe/Berlin");
				DigestJson dayBefore = DigestJson.read(app.run(LocalDate.of(2026, 11, 25), out).digestJson());
				assertThat(dayBefore.meteredUsd()).isEqualByComparingTo("1");
				DigestJson dayAfter = DigestJson.read(app.run(LocalDate.of(2026, 11, 27), out).digestJson());
				assertThat(dayAfter.meteredUsd()).isEqualByComparingTo("8");
			}
		}
	}

	static Call call(String id, String key, LocalDateTime at, double spend) {
		return Call.of(id, key, "vk-berlin", "gpt-4.1-mini", "openai", at, spend, 100, 10);
	}

}
