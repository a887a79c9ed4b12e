package dev.spendaudit.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.ChildRun;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.StoredDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A timer run (a child JVM, held mid-day after its facts are stored) and a manual rerun of the same day or of a
 * range over it: they never both write the day. With {@code spend-audit.lock-wait: 0s} the second gives up at once
 * with exit code 8 (the other days of its range are audited); with a wait long enough it waits on the day's lock,
 * audits the day after the first run ended, and the store holds one copy of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoAtOnceIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	LiteLlmDatabase db;

	@BeforeAll
	void traffic() {
		db = ReliabilityTraffic.create("twoatonce", DAY.minusDays(40), DAY.plusDays(3));
	}

	@AfterAll
	void close() {
		db.close();
	}

	@Test
	void withoutAWaitTheSecondRunExits8AtOnceAndWritesNothingOfTheDay(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		try (ChildRun timer = ChildRun.start(db.endpoint(), Map.of(), night(DAY), "writeDigest:before",
				dir.resolve("timer"), "run", "--date", DAY.toString(), "--out", out.toString())) {
			timer.awaitHeld();
			AuditApp manual = AuditApp.start(db.endpoint(), clock(DAY), Map.of());
			Map<String, List<String>> held = StoredDay.rows(db.endpoint(), "spend_audit", DAY);
			assertThat(manual.run(DAY.minusDays(1), out).succeeded()).as("the range's day before").isTrue();
			assertThatThrownBy(() -> manual.run(DAY, out))
				.satisfies(ex -> assertThat(ExitCode.of(ex)).isEqualTo(ExitCode.DAY_LOCKED))
				.hasMessage("another spend-audit process is auditing " + DAY + " right now");
			assertThat(StoredDay.rows(db.endpoint(), "spend_audit", DAY)).as("untouched by the second run")
				.isEqualTo(held);
			manual.close();
			timer.release();
			assertThat(timer.awaitExit()).as(timer.output()).isZero();
		}
		assertThat(runs(DAY)).as("one run of the day").hasSize(1);
		assertOneCopy(DAY);
	}

	@Test
	void withAWaitTheSecondRunAuditsTheDayOnceTheFirstHasEnded(@TempDir Path dir) throws Exception {
		LocalDate day = DAY.plusDays(2);
		Path out = dir.resolve("out");
		try (ChildRun timer = ChildRun.start(db.endpoint(), Map.of(), night(day), "writeDigest:before",
				dir.resolve("timer"), "run", "--date", day.toString(), "--out", out.toString())) {
			timer.awaitHeld();
			AuditApp manual = AuditApp.start(db.endpoint(), clock(day), Map.of("spend-audit.lock-wait", "3m"));
			CompletableFuture<DayResult> second = CompletableFuture.supplyAsync(() -> manual.run(day, out));
			awaitWaitingForTheLock(day, second);
			timer.release();
			assertThat(timer.awaitExit()).as(timer.output()).isZero();
			DayResult result = second.get(180, TimeUnit.SECONDS);
			manual.close();
			assertThat(result.succeeded()).as(result.failure()).isTrue();
		}
		List<LocalDateTime[]> runs = runs(day);
		assertThat(runs).as("the timer's run and the manual one").hasSize(2);
		assertThat(runs.get(1)[0]).as("the second started after the first ended").isAfterOrEqualTo(runs.get(0)[1]);
		assertOneCopy(day);
	}

	private void assertOneCopy(LocalDate day) {
		Map<String, List<String>> rows = StoredDay.rows(db.endpoint(), "spend_audit", day);
		assertThat(rows.get("audit_day")).hasSize(1);
		assertThat(rows.get("key_model_day")).isNotEmpty().doesNotHaveDuplicates();
		assertThat(rows.get("provider_utc_hour")).isNotEmpty().doesNotHaveDuplicates();
	}

	/** Start and end of each Spring Batch execution of the day, in start order. */
	private List<LocalDateTime[]> runs(LocalDate day) throws SQLException {
		List<LocalDateTime[]> runs = new ArrayList<>();
		try (Connection c = connect(); PreparedStatement st = c.prepareStatement("select e.start_time, e.end_time"
				+ " from spend_audit.batch_job_execution e join spend_audit.batch_job_execution_params p"
				+ " on p.job_execution_id = e.job_execution_id where p.parameter_name = 'auditDate'"
				+ " and p.parameter_value = ? order by e.start_time")) {
			st.setString(1, day.toString());
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					runs.add(new LocalDateTime[] { rs.getObject(1, LocalDateTime.class),
							rs.getObject(2, LocalDateTime.class) });
				}
			}
		}
		return runs;
	}

	/** Waits until the second run waits on the day's advisory lock (PostgreSQL shows it not granted). */
	private void awaitWaitingForTheLock(LocalDate day, CompletableFuture<DayResult> second) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		try (Connection c = connect(); PreparedStatement st = c.prepareStatement("select count(*) from pg_locks"
				+ " where locktype = 'advisory' and not granted and classid = ? and objid = ?")) {
			st.setInt(1, 0x7361);
			st.setLong(2, day.toEpochDay());
			while (true) {
				try (ResultSet rs = st.executeQuery()) {
					rs.next();
					if (rs.getInt(1) > 0) {
						return;
					}
				}
				if (second.isDone()) {
					fail("the second run did not wait: " + second.get());
				}
				if (System.nanoTime() > deadline) {
					fail("the second run never waited on the day's lock");
				}
				Thread.sleep(20);
			}
		}
	}

	private Connection connect() throws SQLException {
		Endpoint e = db.endpoint();
		return DriverManager.getConnection(e.url(), e.username(), e.password());
	}

	private static Clock clock(LocalDate day) {
		return Clock.fixed(night(day), ZoneOffset.UTC);
	}

	private static Instant night(LocalDate day) {
		return day.plusDays(1).atTime(6, 15).toInstant(ZoneOffset.UTC);
	}

}
