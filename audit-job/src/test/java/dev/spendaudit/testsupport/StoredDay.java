package dev.spendaudit.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a store schema holds for one day, table by table (every table with an {@code audit_date}), each row
 * as JSON without the columns that name the run that wrote it: what two stores that audited the same day the same
 * way must agree on, row for row ({@code computed_at} is the server's wall clock, not the job's).
 */
public final class StoredDay {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The mail's own records: they say how a message went, which differs by design between two stores. */
	private static final Set<String> NOT_FACTS = Set.of("sent_digest", "sent_notification");

	private StoredDay() {
	}

	/** Table name to its rows for the day, each row as canonical JSON, sorted. */
	public static Map<String, List<String>> rows(Endpoint db, String schema, LocalDate day) {
		Map<String, List<String>> tables = new TreeMap<>();
		try (Connection c = DriverManager.getConnection(TestDatabases.withoutUser(db.url()), db.username(),
				db.password())) {
			for (String table : dayTables(c, schema)) {
				List<String> rows = new ArrayList<>();
				try (PreparedStatement st = c.prepareStatement("select row_to_json(t)::text from \"" + schema + "\".\""
						+ table + "\" t where audit_date = ?")) {
					st.setObject(1, day);
					try (ResultSet rs = st.executeQuery()) {
						while (rs.next()) {
							rows.add(withoutRun(rs.getString(1)));
						}
					}
				}
				rows.sort(null);
				tables.put(table, rows);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

	private static List<String> dayTables(Connection c, String schema) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement st = c.prepareStatement("select c.table_name from information_schema.columns c"
				+ " join information_schema.tables t using (table_schema, table_name) where c.table_schema = ?"
				+ " and c.column_name = 'audit_date' and t.table_type = 'BASE TABLE' order by 1")) {
			st.setString(1, schema);
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					if (!NOT_FACTS.contains(rs.getString(1))) {
						tables.add(rs.getString(1));
					}
				}
			}
		}
		return tables;
	}

	private static String withoutRun(String row) {
		ObjectNode node = (ObjectNode) JSON.readTree(row);
		List<String> run = new ArrayList<>();
		node.propertyNames().forEach(name -> {
			if (name.contains("job_execution") || name.equals("audited_at") || name.equals("computed_at")) {
				run.add(name);
			}
		});
		run.forEach(node::remove);
		return canonical(node);
	}

	private static String canonical(JsonNode node) {
		Map<String, JsonNode> sorted = new TreeMap<>();
		node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return JSON.writeValueAsString(sorted);
	}

}
