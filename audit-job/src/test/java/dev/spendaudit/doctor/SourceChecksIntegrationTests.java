package dev.spendaudit.doctor;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static dev.spendaudit.doctor.GatewayChecksTests.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source checks against real PostgreSQL databases shaped like LiteLLM's: a healthy one, one without the
 * {@code "startTime"} index, a read-only role and a role that can write, the partitioned layout with a legacy table
 * holding history the partitioned one lacks, an unreachable server and a database that is not LiteLLM's.
 */
class SourceChecksIntegrationTests {

	static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 12, 0);

	static final Clock CLOCK = Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

	final Secrets secrets = new Secrets();

	final SourceChecks checks = new SourceChecks(secrets, CLOCK, Duration.ofHours(26), Duration.ofHours(36));

	@Test
	void aHealthyLiteLlmDatabaseOwnedByTheAuditsRoleWarnsOnlyAboutWriting() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_ok")) {
			db.writer().spendLogs(calls(NOW.minusDays(3), NOW.minusMinutes(12), 6));
			SourceChecks.Result result = checks.run(login(db.endpoint()));
			assertThat(result.reachable()).isTrue();
			assertThat(check(result.checks(), "source.connection").detail()).contains("PostgreSQL");
			assertThat(check(result.checks(), "source.schema").detail()).contains("KEY_ALIAS, DELETED_KEY, ROTATED_KEY");
			assertThat(check(result.checks(), "source.index").status()).isEqualTo(Status.OK);
			assertThat(check(result.checks(), "source.size").detail()).contains("\"LiteLLM_SpendLogs\": ");
			assertThat(check(result.checks(), "source.layout").detail()).contains("one plain table");
			// the test's role owns the tables (or is a superuser): it could write to them
			assertThat(check(result.checks(), "source.role").status()).isEqualTo(Status.WARN);
			assertThat(check(result.checks(), "source.role").fix()).contains("deploy/create-readonly-role.sql");
			assertThat(check(result.checks(), "source.freshness")).satisfies(c -> {
				assertThat(c.status()).isEqualTo(Status.OK);
				assertThat(c.detail()).contains("2026-11-30 11:48 UTC, 12 min ago");
			});
			assertThat(result.newestRowAge()).isEqualTo(Duration.ofMinutes(12));
		}
	}

	@Test
	void withoutAnIndexLeadingWithStartTimeEveryNightScansTheTable() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_noindex")) {
			db.execute("DROP INDEX \"LiteLLM_SpendLogs_startTime_idx\"");
			db.execute("DROP INDEX \"LiteLLM_SpendLogs_startTime_request_id_idx\"");
			Check index = check(checks.run(login(db.endpoint())).checks(), "source.index");
			assertThat(index.status()).isEqualTo(Status.FAIL);
			assertThat(index.detail()).contains("every night would scan the whole table");
			assertThat(index.fix()).contains("CREATE INDEX CONCURRENTLY \"LiteLLM_SpendLogs_startTime_idx\"");
		}
	}

	@Test
	void aRoleThatMayOnlyReadIsFine() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_ro")) {
			db.writer().spendLogs(calls(NOW.minusHours(30), NOW.minusHours(30), 1));
			boolean superuser = Boolean.TRUE.equals(db.writer().dsl()
				.fetchValue("select rolsuper from pg_roles where rolname = current_user"));
			DatabaseLogin reader;
			String role = null;
			if (superuser) {
				// a superuser may write anywhere: check as a role made like deploy/create-readonly-role.sql's
				role = "sa_ro_" + UUID.randomUUID().toString().substring(0, 8);
				db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'ro-secret-2291'");
				db.execute("GRANT USAGE ON SCHEMA public TO " + role);
				db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
				reader = new DatabaseLogin(TestDatabases.withoutUser(db.endpoint().url()), role, "ro-secret-2291");
			}
			else {
				// an owner may give up its own write privileges: what remains is the read-only case
				db.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM current_user");
				reader = login(db.endpoint());
			}
			try {
				SourceChecks.Result result = checks.run(reader);
				assertThat(check(result.checks(), "source.role")).satisfies(c -> {
					assertThat(c.status()).as(c.detail()).isEqualTo(Status.OK);
					assertThat(c.detail()).contains("can only read LiteLLM's tables");
				});
				assertThat(check(result.checks(), "source.freshness")).satisfies(c -> {
					assertThat(c.status()).isEqualTo(Status.WARN);
					assertThat(c.detail()).contains("30 h ago").contains("warn-age 26h");
				});
			}
			finally {
				if (role != null) {
					db.execute("DROP OWNED BY " + role);
					db.execute("DROP ROLE " + role);
				}
			}
		}
	}

	@Test
	void thePartitionedLayoutWithHistoryOnlyInTheLegacyTableIsSplit() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_parts")) {
			// given: a month in the old table, then LiteLLM's partitioning script without the optional copy
			db.writer().spendLogs(calls(LocalDateTime.of(2026, 11, 1, 8, 0), LocalDateTime.of(2026, 11, 15, 8, 0), 15));
			partition(db);
			db.writer().spendLogs(calls(LocalDateTime.of(2026, 11, 16, 8, 0), NOW.minusMinutes(30), 15));
			// when
			SourceChecks.Result result = checks.run(login(db.endpoint()));
			// then
			assertThat(check(result.checks(), "source.index").status()).isEqualTo(Status.OK);
			assertThat(check(result.checks(), "source.size").detail()).contains("over 2 partitions");
			assertThat(check(result.checks(), "source.layout")).satisfies(c -> {
				assertThat(c.status()).isEqualTo(Status.WARN);
				assertThat(c.detail()).contains("partitioned (RANGE (\"startTime\"), 2 partitions)")
					.contains("\"LiteLLM_SpendLogs_legacy\" holds 15 rows from 2026-11-01 08:00 UTC to 2026-11-15")
					.contains("its oldest row is 2026-11-16 08:00 UTC")
					.contains("history is split");
				assertThat(c.fix()).contains("INSERT INTO \"LiteLLM_SpendLogs\" SELECT * FROM \"LiteLLM_SpendLogs_legacy\"");
			});
		}
	}

	@Test
	void aLegacyTableWhoseRowsWereCopiedOverIsFine() {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("doctor_copied")) {
			db.writer().spendLogs(calls(LocalDateTime.of(2026, 11, 20, 8, 0), LocalDateTime.of(2026, 11, 22, 8, 0), 3));
			partition(db);
			db.execute("INSERT INTO \"LiteLLM_SpendLogs\" SELECT * FROM \"LiteLLM_SpendLogs_legacy\"");
			Check layout = check(checks.run(login(db.endpoint())).checks(), "source.layout");
			assertThat(layout.status()).as(layout.detail()).isEqualTo(Status.OK);
			assertThat(layout.detail()).contains("holds nothing older than it");
		}
	}

	@Test
	void anUnreachableSourceFailsWithTheDriversReasonAndNoPassword() {
		Endpoint any = TestDatabases.fresh("doctor_down");
		String base = TestDatabases.withoutUser(any.url());
		String url = base + (base.contains("?") ? "&" : "?") + "password=url-secret-8812";
		SourceChecks.Result result = checks.run(new DatabaseLogin(url, "sa_no_such_role", "login-secret-5530"));
		assertThat(result.reachable()).isFalse();
		Check connection = check(result.checks(), "source.connection");
		assertThat(connection.status()).isEqualTo(Status.FAIL);
		assertThat(connection.detail()).contains("cannot connect to").contains("sa_no_such_role")
			.contains("password=****[");
		assertThat(result.checks().toString()).doesNotContain("url-secret-8812").doesNotContain("login-secret-5530");
		assertThat(result.checks()).hasSize(1);
	}

	@Test
	void aDatabaseThatIsNotLiteLlmsIsNamed() {
		Endpoint empty = TestDatabases.fresh("doctor_empty");
		Check schema = check(checks.run(login(empty)).checks(), "source.schema");
		assertThat(schema.status()).isEqualTo(Status.FAIL);
		assertThat(schema.detail()).contains("has no \"LiteLLM_SpendLogs\" table");
	}

	/** LiteLLM's partitioning script: the old table renamed, a range-partitioned one with a composite key. */
	static void partition(LiteLlmDatabase db) {
		db.execute("ALTER TABLE \"LiteLLM_SpendLogs\" RENAME TO \"LiteLLM_SpendLogs_legacy\"");
		for (String index : List.of("pkey", "startTime_idx", "end_user_idx", "session_id_idx",
				"startTime_request_id_idx")) {
			db.execute("ALTER INDEX \"LiteLLM_SpendLogs_" + index + "\" RENAME TO \"LiteLLM_SpendLogs_legacy_" + index
					+ "\"");
		}
		db.execute("CREATE TABLE \"LiteLLM_SpendLogs\" (LIKE \"LiteLLM_SpendLogs_legacy\" INCLUDING DEFAULTS)"
				+ " PARTITION BY RANGE (\"startTime\")");
		db.execute("ALTER TABLE \"LiteLLM_SpendLogs\" ADD CONSTRAINT \"LiteLLM_SpendLogs_pkey\""
				+ " PRIMARY KEY (\"request_id\", \"startTime\")");
		db.execute("CREATE INDEX \"LiteLLM_SpendLogs_startTime_idx\" ON \"LiteLLM_SpendLogs\" (\"startTime\")");
		db.execute("CREATE TABLE \"LiteLLM_SpendLogs_p2026_11\" PARTITION OF \"LiteLLM_SpendLogs\""
				+ " FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')");
		db.execute("CREATE TABLE \"LiteLLM_SpendLogs_pdefault\" PARTITION OF \"LiteLLM_SpendLogs\" DEFAULT");
	}

	/** {@code n} calls spread evenly from {@code first} to {@code last}. */
	static List<Call> calls(LocalDateTime first, LocalDateTime last, int n) {
		String key = KeyHash.of("sk-doctor-" + first);
		List<Call> calls = new ArrayList<>();
		long step = n <= 1 ? 0 : Duration.between(first, last).toSeconds() / (n - 1);
		for (int i = 0; i < n; i++) {
			calls.add(Call.of("doctor-" + first + "-" + i, key, "vk-doctor", "gpt-4.1-mini", "openai",
					i == n - 1 ? last : first.plusSeconds(step * i), 0.01, 100, 10));
		}
		return calls;
	}

	static DatabaseLogin login(Endpoint endpoint) {
		return new DatabaseLogin(TestDatabases.withoutUser(endpoint.url()), endpoint.username(), endpoint.password());
	}

}
