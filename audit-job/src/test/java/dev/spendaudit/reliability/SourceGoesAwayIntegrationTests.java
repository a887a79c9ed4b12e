package dev.spendaudit.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.StoredDay;
import dev.spendaudit.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * LiteLLM's database fails while a day is being read: its backend is terminated mid-query, or the statement
 * timeout cancels a query held up by a lock. The day fails with exit code 4 in one line naming the step, the store
 * holds what it held before (nothing, or the day's previous complete copy), and the next run completes the day. The store is a database of its own, so terminating the source's
 * backends touches nothing else of the job's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceGoesAwayIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	LiteLlmDatabase db;

	Endpoint store;

	Path out;

	@BeforeAll
	void trafficAndAStoreWithTheDaysBefore(@TempDir Path out) {
		this.out = out;
		db = ReliabilityTraffic.create("sourcegone", DAY.minusDays(40), DAY.plusDays(1));
		store = TestDatabases.fresh("sourcegone_store");
		try (AuditApp app = app(Map.of())) {
			// the history the day needs is stored, so its first read of the spend log is the day's own (readDay)
			assertThat(app.run(DAY.minusDays(1), out).succeeded()).isTrue();
		}
	}

	@AfterAll
	void close() {
		db.close();
	}

	@Test
	void aTerminatedBackendFailsTheDayWithExit4AndTheNextRunCompletesIt() throws Exception {
		LocalDate day = DAY;
		Map<String, List<String>> before = StoredDay.rows(store, "spend_audit", day);
		try (AuditApp app = app(Map.of()); Connection locker = source()) {
			locker.setAutoCommit(false);
			try (Statement st = locker.createStatement()) {
				st.execute("lock table \"LiteLLM_SpendLogs\" in access exclusive mode");
			}
			CompletableFuture<DayResult> run = CompletableFuture.supplyAsync(() -> app.run(day, out));
			List<Integer> waiting = awaitReaderWaitingOnTheLock(run);
			try (Connection admin = source(); PreparedStatement kill = admin.prepareStatement(
					"select pg_terminate_backend(pid) from pg_stat_activity where pid = any(?)")) {
				kill.setArray(1, admin.createArrayOf("int4", waiting.toArray()));
				kill.execute();
			}
			locker.rollback();
			DayResult failed = run.get(120, TimeUnit.SECONDS);
			assertThat(failed.exitCode()).as(failed.failure()).isEqualTo(ExitCode.SOURCE);
			assertThat(failed.failure()).startsWith("the LiteLLM database failed a read: ")
				.contains("terminating connection due to administrator command")
				.endsWith("(in step readDay)")
				.doesNotContain("\n");
			assertThat(StoredDay.rows(store, "spend_audit", day)).as("nothing half-written").isEqualTo(before);

			DayResult next = app.run(day, out);
			assertThat(next.succeeded()).as(next.failure()).isTrue();
			assertThat(StoredDay.rows(store, "spend_audit", day).get("audit_day")).hasSize(1);
		}
	}

	@Test
	void aStatementTimeoutThatFiresNamesTheSettingAndTheStep() throws Exception {
		Map<String, List<String>> before = StoredDay.rows(store, "spend_audit", DAY);
		try (AuditApp app = app(Map.of("spend-audit.source.statement-timeout", "1s")); Connection locker = source()) {
			locker.setAutoCommit(false);
			try (Statement st = locker.createStatement()) {
				st.execute("lock table \"LiteLLM_SpendLogs\" in access exclusive mode");
			}
			DayResult failed = app.run(DAY, out);
			locker.rollback();
			assertThat(failed.exitCode()).as(failed.failure()).isEqualTo(ExitCode.SOURCE);
			assertThat(failed.failure()).isEqualTo("a query on the LiteLLM database ran longer than"
					+ " spend-audit.source.statement-timeout (1 s) and was cancelled (in step readDay)");
			assertThat(StoredDay.rows(store, "spend_audit", DAY)).as("nothing half-written").isEqualTo(before);

			DayResult next = app.run(DAY, out);
			assertThat(next.succeeded()).as(next.failure()).isTrue();
			assertThat(StoredDay.rows(store, "spend_audit", DAY).get("audit_day")).hasSize(1);
		}
	}

	/** The job's source connections that wait on the test's lock (the day's read, blocked). */
	private List<Integer> awaitReaderWaitingOnTheLock(CompletableFuture<DayResult> run) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		try (Connection admin = source(); PreparedStatement st = admin.prepareStatement("select pid from"
				+ " pg_stat_activity where datname = current_database() and application_name = 'spend-audit'"
				+ " and wait_event_type = 'Lock'")) {
			while (true) {
				List<Integer> pids = new java.util.ArrayList<>();
				try (ResultSet rs = st.executeQuery()) {
					while (rs.next()) {
						pids.add(rs.getInt(1));
					}
				}
				if (!pids.isEmpty()) {
					return pids;
				}
				if (run.isDone()) {
					fail("the run ended before it read the spend log: " + run.get().failure());
				}
				if (System.nanoTime() > deadline) {
					fail("the run never waited on the spend log's lock");
				}
				Thread.sleep(20);
			}
		}
	}

	private AuditApp app(Map<String, String> extra) {
		Map<String, String> settings = new HashMap<>(extra);
		settings.put("spend-audit.store.url", store.url());
		settings.put("spend-audit.store.username", store.username());
		settings.put("spend-audit.store.password", store.password());
		return AuditApp.start(db.endpoint(), Clock.fixed(DAY.plusDays(1).atTime(6, 15).toInstant(ZoneOffset.UTC),
				ZoneOffset.UTC), settings);
	}

	private Connection source() throws SQLException {
		Endpoint e = db.endpoint();
		return DriverManager.getConnection(e.url(), e.username(), e.password());
	}

}
