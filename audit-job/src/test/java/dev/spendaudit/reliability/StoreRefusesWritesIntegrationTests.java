package dev.spendaudit.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * The job's store refuses the day's writes: the store role's INSERT on a day table is revoked (the role is not a
 * superuser: on the embedded server the test makes one, on a server where the tests' role is not a superuser that
 * role revokes its own right), or the disk fills up mid-transaction (a trigger raising {@code disk_full}). The day
 * fails with exit code 5 in one line naming the step, and is not half-written: a day never stored has no facts, and
 * a rerun of a stored day leaves its previous complete copy as it was. Once the store takes writes again, the next
 * run completes the day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreRefusesWritesIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	static final String SCHEMA = "spend_audit";

	LiteLlmDatabase db;

	/** The store as the job logs in to it. */
	Endpoint store;

	/** The store as the test changes it (the same role where it cannot make another). */
	Endpoint admin;

	AuditApp app;

	Path out;

	@BeforeAll
	void aStoreRoleThatIsNotASuperuser(@TempDir Path out) throws SQLException {
		this.out = out;
		db = ReliabilityTraffic.create("storerefuses", DAY.minusDays(40), DAY.plusDays(1));
		admin = TestDatabases.fresh("storerefuses_store");
		store = admin;
		if (superuser(admin)) {
			String role = "sa_store_" + UUID.randomUUID().toString().substring(0, 8);
			sql(admin, "create role " + role + " login password 'store-role-secret'; grant create on database "
					+ database(admin) + " to " + role);
			store = new Endpoint(TestDatabases.withoutUser(admin.url()), role, "store-role-secret");
		}
		app = AuditApp.start(db.endpoint(), Clock.fixed(DAY.plusDays(1).atTime(6, 15).toInstant(ZoneOffset.UTC),
				ZoneOffset.UTC), Map.of("spend-audit.store.url", store.url(), "spend-audit.store.username",
						store.username(), "spend-audit.store.password", store.password()));
		assertThat(app.run(DAY.minusDays(1), out).succeeded()).isTrue();
	}

	@AfterAll
	void close() {
		app.close();
		db.close();
	}

	@Test
	void revokedGrantsFailTheDayWithExit5AndLeaveNothingHalfWritten() throws SQLException {
		LocalDate stored = DAY.minusDays(1);
		Map<String, List<String>> complete = StoredDay.rows(admin, SCHEMA, stored);
		sql(admin, "revoke insert on " + SCHEMA + ".key_model_day from " + store.username());
		try {
			DayResult fresh = app.run(DAY, out);
			assertThat(fresh.exitCode()).as(fresh.failure()).isEqualTo(ExitCode.STORE);
			assertThat(fresh.failure()).isEqualTo("the job's store failed: ERROR: permission denied for table"
					+ " key_model_day (in step readDay)");
			assertThat(StoredDay.rows(admin, SCHEMA, DAY)).allSatisfy((table, rows) -> assertThat(rows).as(table)
				.isEmpty());

			DayResult rerun = app.run(stored, out);
			assertThat(rerun.exitCode()).isEqualTo(ExitCode.STORE);
			assertThat(StoredDay.rows(admin, SCHEMA, stored)).as("the previous complete copy").isEqualTo(complete);
		}
		finally {
			sql(admin, "grant insert on " + SCHEMA + ".key_model_day to " + store.username());
		}
		assertThat(app.run(DAY, out).succeeded()).isTrue();
		assertThat(StoredDay.rows(admin, SCHEMA, DAY).get("audit_day")).hasSize(1);
	}

	@Test
	void aDiskFullMidTransactionFailsTheDayWithExit5AndKeepsThePreviousCopy() throws SQLException {
		LocalDate stored = DAY.minusDays(1);
		Map<String, List<String>> complete = StoredDay.rows(admin, SCHEMA, stored);
		sql(admin, "create function " + SCHEMA + ".full_disk() returns trigger language plpgsql as $$ begin"
				+ " raise exception 'could not extend file: No space left on device' using errcode = 'disk_full';"
				+ " end $$; create trigger full_disk before insert on " + SCHEMA + ".provider_utc_hour"
				+ " for each statement execute function " + SCHEMA + ".full_disk()");
		try {
			DayResult rerun = app.run(stored, out);
			assertThat(rerun.exitCode()).as(rerun.failure()).isEqualTo(ExitCode.STORE);
			assertThat(rerun.failure()).isEqualTo("the job's store failed: ERROR: could not extend file: No space left"
					+ " on device (in step readDay)");
			assertThat(StoredDay.rows(admin, SCHEMA, stored))
				.as("the delete and the inserts before the failing one rolled back: the previous complete copy")
				.isEqualTo(complete);
		}
		finally {
			sql(admin, "drop trigger full_disk on " + SCHEMA + ".provider_utc_hour; drop function " + SCHEMA
					+ ".full_disk()");
		}
		assertThat(app.run(stored, out).succeeded()).isTrue();
		assertThat(StoredDay.rows(admin, SCHEMA, stored).get("key_model_day"))
			.isEqualTo(complete.get("key_model_day"));
	}

	private static boolean superuser(Endpoint e) throws SQLException {
		try (Connection c = connect(e); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private static String database(Endpoint e) throws SQLException {
		try (Connection c = connect(e); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select current_database()")) {
			rs.next();
			return "\"" + rs.getString(1) + "\"";
		}
	}

	private static void sql(Endpoint e, String sql) throws SQLException {
		try (Connection c = connect(e); Statement st = c.createStatement()) {
			st.execute(sql);
		}
	}

	private static Connection connect(Endpoint e) throws SQLException {
		return DriverManager.getConnection(TestDatabases.withoutUser(e.url()), e.username(), e.password());
	}

}
