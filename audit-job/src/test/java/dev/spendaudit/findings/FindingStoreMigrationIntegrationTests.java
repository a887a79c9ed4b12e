package dev.spendaudit.findings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.demo.DemoDatabase;
import dev.spendaudit.source.demo.LiteLlmWriter;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by release 0.1.0 (November 2026 audited on the demo data, {@code legacy-store/}) migrates to the
 * one findings store without losing a day: every finding stays, with the default source and the id the job gives
 * it now, and the next rerun continues its runs under those ids.
 */
class FindingStoreMigrationIntegrationTests {

	static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

	/** Detection findings release 0.1.0 stored for November 2026 (its only stored findings). */
	static final int LEGACY_FINDINGS = 70;

	@Test
	void aStoreOfTheLastReleaseMigratesWithItsFindingsAndTheirRuns(@TempDir Path out) throws Exception {
		Endpoint endpoint = TestDatabases.fresh("legacy");
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl(endpoint.url());
			ds.setUsername(endpoint.username());
			ds.setPassword(endpoint.password());
			DemoDatabase.seed(new LiteLlmWriter(ds), LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
		}
		load(endpoint, "/legacy-store/store-0.1.0.sql.gz");

		try (AuditApp app = AuditApp.start(endpoint, Clock.fixed(NOW, ZoneOffset.UTC),
				Map.of("spring.profiles.active", "demo"))) {
			DSLContext store = app.store();
			assertThat(store.fetchCount(AUDIT_DAY)).as("no day lost").isEqualTo(65);
			assertThat(store.fetchCount(FINDING)).as("no finding lost").isEqualTo(LEGACY_FINDINGS);
			assertThat(store.fetchCount(FINDING, FINDING.SOURCE.ne(RuleDay.DEFAULT_SOURCE))).isZero();
			store.selectFrom(FINDING).forEach(r -> assertThat(r.getId()).as(r.getKind() + " " + r.getAuditDate())
				.isEqualTo(FindingMemory.idOf(r.getKind(), r.getSubject(), r.getSource(), r.getSinceDate())));
			String budgetRun = store.select(FINDING.ID).from(FINDING)
				.where(FINDING.AUDIT_DATE.eq(LocalDate.of(2026, 11, 29)), FINDING.KIND.eq("BUDGET"))
				.fetchOne(FINDING.ID);

			DayResult rerun = app.run(LocalDate.of(2026, 11, 30), out);
			assertThat(rerun.failure()).isNull();
			JsonNode digest = DigestJson.read(rerun.digestJson()).root();
			assertThat(DigestSchema.violations(digest)).isEmpty();
			JsonNode budget = null;
			for (JsonNode f : digest.get("findings")) {
				if (f.get("kind").asString().equals("BUDGET")) {
					budget = f;
				}
			}
			assertThat(budget).isNotNull();
			assertThat(budget.get("id").asString()).as("the run goes on under its id").isEqualTo(budgetRun);
			assertThat(budget.get("reason").asString()).endsWith(" · day 23, since 2026-11-08");
			assertThat(store.fetchCount(FINDING, FINDING.AUDIT_DATE.eq(LocalDate.of(2026, 11, 30))
				.and(FINDING.KIND.in("LOGGING_OFF", "CANARY_SILENT", "RETIRING_KEY_SAFE_TO_REVOKE"))))
				.as("the blind spots' findings are stored now too")
				.isEqualTo(3);
		}
	}

	/** Runs a gzipped SQL script (a pg_dump without psql's meta-commands) on the database. */
	static void load(Endpoint endpoint, String resource) throws IOException, SQLException {
		String sql;
		try (InputStream in = new GZIPInputStream(FindingStoreMigrationIntegrationTests.class.getResourceAsStream(resource))) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (Connection c = DriverManager.getConnection(endpoint.url(), endpoint.username(), endpoint.password());
				Statement st = c.createStatement()) {
			st.execute(sql);
		}
	}

}
