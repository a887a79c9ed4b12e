package dev.spendaudit.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by release 0.1.0 (November 2026 audited on the demo data, see the fixture's README) is migrated
 * forward by Flyway without losing or recomputing a day: its facts are intact, its audited days count as audited
 * and the days detection backfilled as rolled up, and today's code audits the next day and reruns the last one
 * reading the old days as history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyStoreMigrationIntegrationTests {

	static final LocalDateTime SEEDED_AT = LocalDateTime.of(2026, 12, 1, 6, 0);

	static final LocalDate FIRST_AUDITED = LocalDate.of(2026, 11, 1);

	static final LocalDate LAST_AUDITED = LocalDate.of(2026, 11, 30);

	/** The JSON carries the average as a number: its last digit may round either way. */
	static final Offset<BigDecimal> JSON_NUMBER = Offset.offset(new BigDecimal("1e-12"));

	static Endpoint db;

	/** Per day, as 0.1.0 stored it: usd, requests, groups, job execution, computed at. */
	static Map<LocalDate, Day> before;

	static AuditApp app;

	@TempDir
	static Path out;

	record Day(BigDecimal usd, long requests, long groups, long jobExecutionId, LocalDateTime computedAt) {
	}

	@BeforeAll
	static void loadTheOldStoreAndStartToday() throws SQLException {
		db = TestDatabases.fresh("legacy");
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl(db.url());
			ds.setUsername(db.username());
			ds.setPassword(db.password());
			DemoDatabase.seed(new LiteLlmWriter(ds), SEEDED_AT);
		}
		try (Connection c = connect(); Statement st = c.createStatement()) {
			st.execute(dump());
		}
		before = days();
		app = AuditApp.start(db, Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC),
				Map.of("spring.profiles.active", "demo"));
	}

	@AfterAll
	static void close() {
		app.close();
	}

	@Test
	@Order(1)
	void everyOldDayKeepsItsFactsWithTheDefaultSource() throws SQLException {
		assertThat(before).hasSize(65);
		assertThat(days()).isEqualTo(before);
		try (Connection c = connect(); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select count(*) filter (where source <> 'default'), "
						+ "(select count(*) from spend_audit.source_day where source = 'default'), "
						+ "(select count(*) from spend_audit.prompt_bucket_day) from spend_audit.key_model_day")) {
			rs.next();
			assertThat(rs.getLong(1)).isZero();
			assertThat(rs.getLong(2)).isEqualTo(65);
			assertThat(rs.getLong(3)).as("the old days simply have no prompt buckets").isZero();
		}
		// the one anomalous row 0.1.0 kept for 2026-11-30 is still there
		StoredDay last = app.bean(HistoryReader.class).day(LAST_AUDITED).orElseThrow();
		assertThat(last.invalidSpendRows()).isEqualTo(1);
		assertThat(last.anomalousSamples()).hasSize(1);
	}

	@Test
	@Order(2)
	void auditedDaysAreTheOnesThatWroteTheirDigest() {
		HistoryReader history = app.bean(HistoryReader.class);
		for (LocalDate d : before.keySet()) {
			boolean audited = !d.isBefore(FIRST_AUDITED);
			assertThat(history.day(d).orElseThrow().audited()).as(d.toString()).isEqualTo(audited);
		}
		assertThat(history.lastAuditedDay()).contains(LAST_AUDITED);
	}

	@Test
	@Order(3)
	void theNextDayIsAuditedOnTheOldHistoryWithoutRollingUpAnyDayAgain() throws SQLException {
		LocalDate next = LAST_AUDITED.plusDays(1);
		DayResult result = app.run(next, out);
		assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
		DigestJson digest = DigestJson.read(result.digestJson());
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
		JsonNode history = digest.root().get("history");
		assertThat(history.get("last7Days").get("auditedDays").asInt()).isEqualTo(7);
		assertThat(history.get("last7Days").get("averageUsd").decimalValue())
			.isCloseTo(average(next.minusDays(7), next.minusDays(1)), JSON_NUMBER);
		assertThat(history.get("last30Days").get("auditedDays").asInt()).isEqualTo(30);
		assertThat(history.get("previousDay").get("usd").decimalValue())
			.isEqualByComparingTo(before.get(LAST_AUDITED).usd());
		Map<LocalDate, Day> now = days();
		now.remove(next);
		assertThat(now).as("no old day was read again").isEqualTo(before);
		assertThat(app.bean(HistoryReader.class).day(next).orElseThrow().audited()).isTrue();
	}

	@Test
	@Order(4)
	void rerunningTheLastOldDayReadsItAgainAndTheDaysBeforeAsHistory() throws SQLException {
		DayResult result = app.run(LAST_AUDITED, out);
		assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
		JsonNode history = DigestJson.read(result.digestJson()).root().get("history");
		assertThat(history.get("last7Days").get("averageUsd").decimalValue())
			.isCloseTo(average(LAST_AUDITED.minusDays(7), LAST_AUDITED.minusDays(1)), JSON_NUMBER);
		Map<LocalDate, Day> now = days();
		Day reread = now.remove(LAST_AUDITED);
		now.remove(LAST_AUDITED.plusDays(1));
		Map<LocalDate, Day> old = new TreeMap<>(before);
		Day was = old.remove(LAST_AUDITED);
		assertThat(now).isEqualTo(old);
		// the same LiteLLM rows read by today's code give the day 0.1.0 stored
		assertThat(reread.usd()).isEqualByComparingTo(was.usd());
		assertThat(reread.requests()).isEqualTo(was.requests());
		assertThat(reread.groups()).isEqualTo(was.groups());
		assertThat(reread.jobExecutionId()).isNotEqualTo(was.jobExecutionId());
	}

	/** The mean of the dump's daily spend over {@code from .. to}. */
	static BigDecimal average(LocalDate from, LocalDate to) {
		BigDecimal sum = BigDecimal.ZERO;
		int n = 0;
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			sum = sum.add(before.get(d).usd());
			n++;
		}
		return sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
	}

	static Map<LocalDate, Day> days() throws SQLException {
		Map<LocalDate, Day> days = new TreeMap<>();
		try (Connection c = connect(); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select d.audit_date, coalesce(sum(k.usd), 0), coalesce(sum(k.requests), 0), "
						+ "count(k.api_key), d.job_execution_id, d.computed_at from spend_audit.audit_day d "
						+ "left join spend_audit.key_model_day k on k.audit_date = d.audit_date group by d.audit_date")) {
			while (rs.next()) {
				days.put(rs.getObject(1, LocalDate.class), new Day(rs.getBigDecimal(2).stripTrailingZeros(),
						rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getObject(6, LocalDateTime.class)));
			}
		}
		return days;
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection(db.url(), db.username(), db.password());
	}

	static String dump() {
		try (InputStream in = new GZIPInputStream(
				LegacyStoreMigrationIntegrationTests.class.getResourceAsStream("/legacy-store/store-0.1.0.sql.gz"))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
