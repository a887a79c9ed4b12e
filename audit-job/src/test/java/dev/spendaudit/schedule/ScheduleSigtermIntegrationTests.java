package dev.spendaudit.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestHooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code schedule} in a real child JVM, sent SIGTERM while it audits a day: it stops that day at its next step,
 * exits 0 (not 143), and the next start restarts the day's own Spring Batch instance and catches up the rest.
 */
class ScheduleSigtermIntegrationTests {

	/** The 23rd was audited; three nights later the 24th, 25th and 26th are due. */
	static final Instant THREE_DAYS_AHEAD = Instant.parse("2026-11-27T06:15:00Z");

	@Test
	void sigtermStopsTheRunningDayExitsZeroAndTheNextStartRestartsIt(@TempDir Path dir) throws Exception {
		Path out = Files.createDirectories(dir.resolve("out"));
		Path hold = Files.createDirectories(dir.resolve("hold"));
		Path log = dir.resolve("schedule.log");
		try (LiteLlmDatabase db = NightlyRunIntegrationTests.traffic()) {
			try (AuditApp app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-24T06:15:00Z"),
					ZoneOffset.UTC), Map.of())) {
				assertThat(app.run(LocalDate.of(2026, 11, 23), out).succeeded()).isTrue();
			}

			Process schedule = child(db, out, hold, log);
			try {
				waitUntil(() -> Files.exists(hold.resolve("held-2026-11-24")), "the 24th being audited", schedule, log);
				schedule.destroy();
				waitUntil(() -> read(log).contains("SIGTERM: stopping"), "the stop to be taken", schedule, log);
				Files.createFile(hold.resolve("release"));
				assertThat(schedule.waitFor(120, TimeUnit.SECONDS)).as(read(log)).isTrue();
			}
			finally {
				schedule.destroyForcibly();
			}
			assertThat(schedule.exitValue()).as(read(log)).isZero();
			assertThat(read(log)).contains("spend-audit: stopped");
			assertThat(out.resolve("digest-2026-11-25.json")).as("no day is started after the stop").doesNotExist();

			try (AuditApp app = AuditApp.start(db.endpoint(), Clock.fixed(THREE_DAYS_AHEAD, ZoneOffset.UTC), Map.of())) {
				JobRepository repository = app.bean(JobRepository.class);
				JobInstance the24th = repository.getJobInstance("spendAudit",
						AuditLauncher.parameters(LocalDate.of(2026, 11, 24), 0, null));
				assertThat(repository.getLastJobExecution(the24th).getStatus()).isEqualTo(BatchStatus.STOPPED);

				NightlyRun nightly = app.bean(NightlyRun.class);
				assertThat(nightly.dueDays(ZoneOffset.UTC, 7)).containsExactly(LocalDate.of(2026, 11, 24),
						LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26));
				List<DayResult> results = nightly.runDue(ZoneOffset.UTC, 7, new RunOptions(out, false, false, null));
				assertThat(results).allMatch(DayResult::succeeded).hasSize(3);
				List<JobExecution> executions = repository.getJobExecutions(the24th);
				assertThat(executions).as("the stopped instance restarted, not a new one").hasSize(2);
				assertThat(repository.getLastJobExecution(the24th).getStatus()).isEqualTo(BatchStatus.COMPLETED);
				assertThat(DigestJson.read(out.resolve("digest-2026-11-26.json")).root().get("missedDays"))
					.extracting(d -> d.get("date").asString())
					.containsExactly("2026-11-24", "2026-11-25");
				assertThat(nightly.dueDays(ZoneOffset.UTC, 7)).as("yesterday audited: a fire does nothing").isEmpty();
			}
		}
	}

	/** {@code schedule --out DIR} in its own JVM, firing every second, its clock three days ahead. */
	private static Process child(LiteLlmDatabase db, Path out, Path hold, Path log) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-Duser.timezone=Pacific/Chatham",
				"-D" + TestHooks.CLOCK + "=" + THREE_DAYS_AHEAD, "-D" + TestHooks.HOLD_DIR + "=" + hold, "-cp",
				System.getProperty("java.class.path"), "dev.spendaudit.SpendAuditApplication", "schedule", "--out",
				out.toString());
		Map<String, String> env = builder.environment();
		env.put("SPEND_AUDIT_SOURCE_URL", db.endpoint().url());
		env.put("SPEND_AUDIT_SOURCE_USERNAME", db.endpoint().username());
		env.put("SPEND_AUDIT_SOURCE_PASSWORD", db.endpoint().password());
		env.put("SPEND_AUDIT_SCHEDULE_CRON", "* * * * * ?");
		return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Waits on a file the child writes; gives up (with its output) only if the child is gone or hangs. */
	private static void waitUntil(BooleanSupplier condition, String what, Process child, Path log)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!condition.getAsBoolean()) {
			if (!child.isAlive() && !condition.getAsBoolean()) {
				fail("schedule exited " + child.exitValue() + " before " + what + ":\n" + read(log));
			}
			if (System.nanoTime() > deadline) {
				fail("no sign of " + what + " in 180 s:\n" + read(log));
			}
			Thread.sleep(50);
		}
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
