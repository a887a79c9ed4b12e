package dev.spendaudit.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.testsupport.LiteLlmDatabase;

/**
 * The hostile data set ({@code hostile/litellm-hostile.sql}) loaded into a fresh LiteLLM-shaped database, and a
 * checksum of every table of LiteLLM's schema, to show that a run wrote nothing there.
 */
final class HostileDataSet {

	static final String SCRIPT = "/hostile/litellm-hostile.sql";

	private HostileDataSet() {
	}

	static LiteLlmDatabase load(String purpose) {
		LiteLlmDatabase db = LiteLlmDatabase.create(purpose);
		// plain JDBC: the script's JSON braces and quotes go to PostgreSQL as they are, unparsed by any template
		try (InputStream in = HostileDataSet.class.getResourceAsStream(SCRIPT); Connection c = connect(db.endpoint());
				Statement s = c.createStatement()) {
			s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot load " + SCRIPT + ": " + ex.getMessage(), ex);
		}
		return db;
	}

	/** Every table of the {@code public} schema (LiteLLM's) and the md5 of its rows, in a stable order. */
	static Map<String, String> checksums(Endpoint endpoint) {
		Map<String, String> sums = new LinkedHashMap<>();
		try (Connection c = connect(endpoint); Statement s = c.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet r = s.executeQuery("select table_name from information_schema.tables"
					+ " where table_schema = 'public' order by table_name")) {
				while (r.next()) {
					tables.add(r.getString(1));
				}
			}
			for (String table : tables) {
				String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
				try (ResultSet r = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, ','"
						+ " order by t::text)), '') from " + quoted + " t")) {
					r.next();
					sums.put(table, r.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return sums;
	}

	static Connection connect(Endpoint endpoint) throws SQLException {
		return DriverManager.getConnection(endpoint.url(), endpoint.username(), endpoint.password());
	}

}
