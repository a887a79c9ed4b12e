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

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.health.RunReport;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.PingServer;
import dev.spendaudit.testsupport.PromFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled night: yesterday, after any missed days; its heartbeat and textfile; and Quartz actually firing it
 * in-process.
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
			assertThat(nightly.dueDays(utc, 7)).as("yesterday audited: a fire does nothing").isEmpty();
			assertThat(nightly.runDue(utc, 7, new RunOptions(out, false, false, null))).isEmpty();
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

	@Test
	void aScheduledNightPingsItsStartAndEndAndWritesTheTextfile(@TempDir Path dir) {
		try (PingServer pings = PingServer.start();
				LiteLlmDatabase db = traffic();
				AuditApp app = AuditApp.start(db.endpoint(), CLOCK,
						Map.of("spend-audit.out", dir.resolve("out").toString(), "spend-audit.health.ping-url",
								pings.url("/ping/night-secret"), "spend-audit.health.textfile-dir",
								dir.resolve("textfile").toString()))) {
			ScheduledNight night = app.bean(ScheduledNight.class);
			try (DayLocks.Lock held = app.bean(DayLocks.class).lock(LocalDate.of(2026, 11, 26))) {
				RunReport locked = night.fire();
				assertThat(locked.exit()).isEqualTo(ExitCode.DAY_LOCKED);
			}
			assertThat(pings.paths()).containsExactly("/ping/night-secret/start", "/ping/night-secret/fail");
			assertThat(pings.pings().get(1).body())
				.isEqualTo("another spend-audit process is auditing 2026-11-26 right now");
			assertThat(PromFile.read(dir.resolve("textfile/spend-audit.prom")).value("spend_audit_last_run_exit_code"))
				.isEqualTo(8.0);

			pings.reset();
			RunReport done = night.fire();
			assertThat(done.exit()).isEqualTo(ExitCode.DONE);
			assertThat(pings.paths()).containsExactly("/ping/night-secret/start", "/ping/night-secret");
			PromFile prom = PromFile.read(dir.resolve("textfile/spend-audit.prom"));
			assertThat(prom.value("spend_audit_last_run_exit_code")).isZero();
			assertThat(prom.value("spend_audit_last_audited_day_timestamp_seconds"))
				.isEqualTo((double) LocalDate.of(2026, 11, 26).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
			assertThat(prom.value("spend_audit_day_metered_usd")).isEqualTo(0.1);

			// yesterday is audited now: the next fire audits nothing, and still says the scheduler is alive
			pings.reset();
			long runId = DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root().get("runId").asLong();
			assertThat(night.fire().exit()).isEqualTo(ExitCode.DONE);
			assertThat(pings.paths()).containsExactly("/ping/night-secret/start", "/ping/night-secret");
			assertThat(DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root().get("runId").asLong())
				.isEqualTo(runId);
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
