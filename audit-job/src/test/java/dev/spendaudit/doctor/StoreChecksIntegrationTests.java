package dev.spendaudit.doctor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.doctor.GatewayChecksTests.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store checks read Flyway's history and the job's tables without migrating anything: a store not created
 * yet, one fully migrated with audited days, one behind, one with a failed migration, one that is down.
 */
class StoreChecksIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final Clock MORNING_AFTER = Clock.fixed(Instant.parse("2026-11-27T06:30:00Z"), ZoneOffset.UTC);

	@TempDir
	Path out;

	final Secrets secrets = new Secrets();

	@Test
	void aStoreNotCreatedYetIsLeftAloneAndTheFirstRunWillCreateIt() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_store_new")) {
			List<Check> checks = store(MORNING_AFTER).run(SourceChecksIntegrationTests.login(db.endpoint()),
					"spend_audit", true);
			assertThat(check(checks, "store.connection").detail()).contains("schema spend_audit (not created yet)");
			assertThat(check(checks, "store.migrations")).satisfies(c -> {
				assertThat(c.status()).isEqualTo(Status.WARN);
				assertThat(c.detail()).contains("does not exist yet: the first run creates it and applies");
				assertThat(c.fix()).contains("doctor never migrates");
			});
			// doctor looked, and created nothing
			assertThat(db.writer().dsl().fetchValue("select count(*) from pg_namespace where nspname = 'spend_audit'"))
				.isEqualTo(0L);
		}
	}

	@Test
	void aMigratedStoreReportsItsLastAuditedDayThenOneBehindAndOneBrokenAreNamed() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_store")) {
			db.writer().spendLogs(SourceChecksIntegrationTests.calls(DAY.atTime(9, 0), DAY.atTime(18, 0), 4));
			try (AuditApp app = AuditApp.start(db.endpoint(), MORNING_AFTER, Map.of())) {
				assertThat(app.run(DAY, out).succeeded()).isTrue();
			}
			DatabaseLogin login = SourceChecksIntegrationTests.login(db.endpoint());
			// a day only rolled up as history (facts, no digest) is not an audited day
			db.execute("INSERT INTO spend_audit.audit_day (audit_date, zone, window_start_utc, window_end_utc)"
					+ " VALUES ('2026-11-27', 'UTC', '2026-11-27 00:00', '2026-11-28 00:00')");

			List<Check> upToDate = store(MORNING_AFTER).run(login, "spend_audit", true);
			assertThat(check(upToDate, "store.migrations").status()).isEqualTo(Status.OK);
			assertThat(check(upToDate, "store.migrations").detail()).contains("none pending");
			assertThat(check(upToDate, "store.last-day")).satisfies(c -> {
				assertThat(c.status()).isEqualTo(Status.OK);
				assertThat(c.detail()).startsWith("last audited day 2026-11-26: ");
			});

			// a week later nothing more was audited: the timer is not running
			Clock weekLater = Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC);
			Check stale = check(store(weekLater).run(login, "spend_audit", true), "store.last-day");
			assertThat(stale.status()).isEqualTo(Status.WARN);
			assertThat(stale.fix()).contains("run --from 2026-11-27 --to 2026-12-02");

			// the newest migration forgotten: behind
			String newest = String.valueOf(db.writer().dsl().fetchValue("select max(version::int)::text from"
					+ " spend_audit.flyway_schema_history where version is not null and version <> '0'"));
			db.execute("DELETE FROM spend_audit.flyway_schema_history WHERE version = '" + newest + "'");
			Check behind = check(store(MORNING_AFTER).run(login, "spend_audit", true), "store.migrations");
			assertThat(behind.status()).isEqualTo(Status.WARN);
			assertThat(behind.detail()).contains("1 pending (V" + newest);

			// a migration that failed part-way stops every run
			db.execute("INSERT INTO spend_audit.flyway_schema_history (installed_rank, version, description, type,"
					+ " script, checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '"
					+ newest + "', 'broken', 'SQL', 'V" + newest + "__broken.sql', 0, current_user, 0, false"
					+ " FROM spend_audit.flyway_schema_history");
			Check failed = check(store(MORNING_AFTER).run(login, "spend_audit", true), "store.migrations");
			assertThat(failed.status()).isEqualTo(Status.FAIL);
			assertThat(failed.detail()).contains("failed part-way");
		}
	}

	@Test
	void aStoreThatIsDownIsOneFailNotACrash() {
		DatabaseLogin down = new DatabaseLogin("jdbc:postgresql://127.0.0.1:" + TestSmtp.closedPort() + "/store",
				"audit", "store-secret-1188");
		List<Check> checks = store(MORNING_AFTER).run(down, "spend_audit", false);
		assertThat(checks).hasSize(1);
		assertThat(checks.get(0).status()).isEqualTo(Status.FAIL);
		assertThat(checks.get(0).detail()).contains("cannot connect to jdbc:postgresql://127.0.0.1:")
			.doesNotContain("store-secret-1188");
	}

	private StoreChecks store(Clock clock) {
		return new StoreChecks(secrets, clock, ZoneOffset.UTC);
	}

}
