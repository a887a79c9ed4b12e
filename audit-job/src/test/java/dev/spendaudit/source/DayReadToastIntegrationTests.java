package dev.spendaudit.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read of a day never decompresses the spend log's large JSONB: with ~5 KB of poorly compressible
 * {@code metadata} per row (stored out of line, in the TOAST table), reading a day whose key hashes the key tables
 * all name fetches no TOAST block; only the rows of a hash no key table names have their metadata read.
 */
class DayReadToastIntegrationTests {

	static final AuditDay DAY = AuditDay.of(LocalDate.of(2026, 11, 26), ZoneOffset.UTC);

	@Test
	void theDayIsReadWithoutTouchingTheToastTable() throws SQLException {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("toast")) {
			String named = KeyHash.of("sk-toast");
			db.writer().key(named, "vk-toast", "sk-...oast");
			db.writer().spendLogs(calls(named, 300));
			assertThat(toastBlocks(db, source -> source.readDay(DAY))).as("TOAST blocks fetched by the read").isZero();
			// the control: a hash no key table names has its rows' metadata read, which does fetch TOAST blocks
			db.writer().spendLogs(calls(KeyHash.of("sk-not-in-any-key-table"), 5));
			assertThat(toastBlocks(db, source -> source.readDay(DAY))).isPositive();
		}
	}

	/** TOAST blocks of the spend log fetched by one read, counted inside the read's own transaction. */
	static long toastBlocks(LiteLlmDatabase db, java.util.function.Consumer<LiteLlmSource> read) throws SQLException {
		SingleConnectionDataSource ds = new SingleConnectionDataSource(db.endpoint().url(), db.endpoint().username(),
				db.endpoint().password(), true);
		ds.setAutoCommit(false);
		try {
			LiteLlmSource source = new LiteLlmSource(ds, new SourceSettings(null, null, null, null, null));
			Connection c = ds.getConnection();
			long before = fetched(c);
			read.accept(source);
			long after = fetched(c);
			c.rollback();
			return after - before;
		}
		finally {
			ds.destroy();
		}
	}

	private static long fetched(Connection c) throws SQLException {
		try (var st = c.createStatement();
				var rs = st.executeQuery("select pg_stat_get_xact_blocks_fetched(reltoastrelid) from pg_class "
						+ "where relname = 'LiteLLM_SpendLogs'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Calls over the day, each with ~5 KB of random text in its metadata, as LiteLLM's cost-map copy makes it. */
	static List<Call> calls(String key, int n) {
		Random random = new Random(key.hashCode());
		List<Call> calls = new ArrayList<>();
		LocalDateTime from = DAY.fromUtc();
		for (int i = 0; i < n; i++) {
			StringBuilder blob = new StringBuilder(5_000);
			for (int j = 0; j < 5_000; j++) {
				blob.append((char) ('a' + random.nextInt(26)));
			}
			calls.add(Call.of(key.substring(0, 6) + "-" + i, key, null, "gpt-4.1-mini", "openai",
					from.plusSeconds(i * 250L), 0.01, 1_000, 100)
				.withMetadata("{\"user_api_key_alias\": \"\", \"model_map_information\": \"" + blob + "\"}"));
		}
		return calls;
	}

}
