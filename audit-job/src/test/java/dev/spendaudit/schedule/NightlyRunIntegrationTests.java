package dev.spendaudit.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled night: yesterday, after any missed days; and Quartz actually firing it in-process.
 */
class NightlyRunIntegrationTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:15:00Z"), ZoneOffset.UTC);

	@Test
	void catchesUpMissedDaysThenStaysCurrent(@TempDir Path out) {
		try (LiteLlmDatabase db = traffic(); AuditApp app = AuditApp.start(db.endpoint(), CLOCK, Map.of())) {
			NightlyRun nightly = app.bean(NightlyRun.class);
			ZoneId utc = ZoneOffset.UTC;
			// nothing audited yet: only yesterday
			assertThat(nightly.dueDays(utc, 7)).containsExactly(LocalDate.of(2026, 11, 26));
			app.run(LocalDate.of(2026, 11, 22), out);
			// last audited the 22nd: the 23rd..26th are due
			assertThat(nightly.dueDays(utc, 7)).containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24),
					LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26));
			// at most catch-up-days before yesterday
			assertThat(nightly.dueDays(utc, 2)).containsExactly(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25),
					LocalDate.of(2026, 11, 26));
			List<DayResult> results = nightly.runDue(utc, 7, new RunOptions(out, false, false, null));
			assertThat(results).extracting(DayResult::date).hasSize(4).last().isEqualTo(LocalDate.of(2026, 11, 26));
			assertThat(nightly.dueDays(utc, 7)).containsExactly(LocalDate.of(2026, 11, 26));
		}
	}

	@Test
	void quartzFiresTheNightInProcess(@TempDir Path out) throws Exception {
		try (LiteLlmDatabase db = traffic();
				AuditApp app = AuditApp.start(db.endpoint(), CLOCK,
						Map.of("spring.quartz.auto-startup", "true", "spend-audit.schedule.cron", "* * * * * ?",
								"spend-audit.out", out.toString()))) {
			Path digest = out.resolve("digest-2026-11-26.json");
			for (int i = 0; i < 300 && !Files.exists(digest); i++) {
				Thread.sleep(100);
			}
			assertThat(digest).exists();
		}
	}

	static LiteLlmDatabase traffic() {
		LiteLlmDatabase db = LiteLlmDatabase.create("nightly");
		String key = KeyHash.of("sk-nightly");
		db.writer().key(key, "vk-nightly", "sk-...ghtly");
		List<Call> calls = new ArrayList<>();
		for (int d = 20; d <= 26; d++) {
			calls.add(Call.of("n-" + d, key, "vk-nightly", "m", "p", LocalDate.of(2026, 11, d).atTime(12, 0), 0.1,
					10, 1));
		}
		db.writer().spendLogs(calls);
		return db;
	}

}
