package dev.spendaudit.doctor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.StoreMigrations;
import org.flywaydb.core.api.FlywayException;
import org.jooq.exception.DataAccessException;

/**
 * The job's own store: reachable, its migrations applied or pending (read from Flyway's history, never applied
 * here: a store that is down or behind is a line of the report, not a crash), and the last audited day.
 */
public final class StoreChecks {

	private final Secrets secrets;

	private final Clock clock;

	private final ZoneId zone;

	public StoreChecks(Secrets secrets, Clock clock, ZoneId zone) {
		this.secrets = secrets;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * @param sameAsSource whether the store is the source's database (the default), for the wording only
	 */
	public List<Check> run(DatabaseLogin login, String schema, boolean sameAsSource) {
		List<Check> checks = new ArrayList<>();
		try (Connection connection = login.open()) {
			StoreFacts facts = new StoreFacts(connection, schema);
			checks.add(Check.ok("store.connection", (sameAsSource ? "the source's database, " : login.describe(secrets)
					+ ", ") + "schema " + schema + (facts.schemaExists() ? "" : " (not created yet)")));
			Check migrations = migrations(login, schema, facts);
			checks.add(migrations);
			if (facts.schemaExists() && migrations.status() != Status.FAIL && facts.hasDayTable()) {
				checks.add(lastDay(facts));
			}
		}
		catch (SQLException ex) {
			checks.add(Check.fail("store.connection", "cannot connect to " + login.describe(secrets) + ": "
					+ DatabaseLogin.reason(ex), "check spend-audit.store.url, username and password (blank: the"
							+ " source's are used)"));
		}
		return checks;
	}

	private Check migrations(DatabaseLogin login, String schema, StoreFacts facts) throws SQLException {
		StoreMigrations.Status status;
		try {
			status = StoreMigrations.inspect(login.dataSource(), schema);
		}
		catch (FlywayException ex) {
			return Check.fail("store.migrations", "cannot read the migration history: " + ex.getMessage().lines()
				.findFirst()
				.orElse(""), "grant the store's role USAGE and SELECT on schema " + schema);
		}
		String runFix = "run 'spend-audit run' once (or let the timer do it): it migrates at start-up; doctor never"
				+ " migrates";
		if (!status.failed().isEmpty()) {
			return Check.fail("store.migrations", "migration " + status.failed().get(0) + " failed part-way: every"
					+ " run stops at start-up until it is repaired", "fix what made it fail, then remove its row from "
							+ schema + ".flyway_schema_history (Flyway 'repair') and run again");
		}
		if (!facts.schemaExists()) {
			if (!facts.mayCreateSchema()) {
				return Check.fail("store.migrations", "schema " + schema + " does not exist and role " + facts.user()
						+ " may not create it", "GRANT CREATE ON DATABASE " + facts.database() + " TO "
								+ facts.user() + " (deploy/create-readonly-role.sql), or create the schema for it");
			}
			return Check.warn("store.migrations", "schema " + schema + " does not exist yet: the first run creates it"
					+ " and applies " + status.pending().size() + " migrations", runFix);
		}
		if (!status.unknown().isEmpty()) {
			return Check.warn("store.migrations", "the store has migrations this release does not know ("
					+ DoctorFormat.some(status.unknown(), 2) + "): a newer spend-audit wrote it",
					"run the release that migrated the store, or restore the store from before the upgrade");
		}
		if (!status.pending().isEmpty()) {
			return Check.warn("store.migrations", status.applied().size() + " migrations applied, "
					+ status.pending().size() + " pending (" + DoctorFormat.some(status.pending(), 3) + ")", runFix);
		}
		return Check.ok("store.migrations", status.applied().size() + " migrations applied, none pending (latest "
				+ (status.applied().isEmpty() ? "none" : status.applied().get(status.applied().size() - 1)) + ")");
	}

	private Check lastDay(StoreFacts facts) throws SQLException {
		StoreFacts.LastRun run = facts.lastRun();
		LocalDate day;
		try {
			day = facts.lastAuditedDay();
		}
		catch (DataAccessException ex) {
			return Check.warn("store.last-day", "the last audited day cannot be read until the pending migrations"
					+ " are applied", "run 'spend-audit run' once (or let the timer do it): it migrates at start-up");
		}
		LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
		if (run != null && !"COMPLETED".equals(run.status()) && !run.status().startsWith("START")) {
			return Check.warn("store.last-day", "the last run (for " + run.day() + ") ended " + run.status()
					+ (run.exitMessage().isEmpty() ? "" : ": " + run.exitMessage()) + "; last audited day " + day,
					"see 'journalctl -u spend-audit' for why, then 'spend-audit run --date " + run.day() + "'");
		}
		if (day == null) {
			return Check.ok("store.last-day", "no day audited yet");
		}
		String verdict = "last audited day " + day + ": " + facts.dayStatus(day);
		if (day.isBefore(yesterday.minusDays(1))) {
			return Check.warn("store.last-day", verdict + "; nothing audited since, though " + yesterday
					+ " is closed", "check that the timer runs: systemctl list-timers spend-audit.timer;"
							+ " 'spend-audit run --from " + day.plusDays(1) + " --to " + yesterday + "' fills the gap");
		}
		return Check.ok("store.last-day", verdict);
	}

}
