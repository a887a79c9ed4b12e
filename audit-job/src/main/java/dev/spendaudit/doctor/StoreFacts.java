package dev.spendaudit.doctor;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import dev.spendaudit.core.Severity;
import dev.spendaudit.history.HistoryReader;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What the store says about past nights: whether its schema exists, the newest audited day and its findings, the
 * newest Spring Batch run. Plain catalogue and metadata reads on one connection.
 */
final class StoreFacts {

	private final Connection connection;

	private final String schema;

	/** @param schema a lower-case SQL identifier (StoreSettings checks it), so it may be written into SQL */
	StoreFacts(Connection connection, String schema) {
		this.connection = connection;
		this.schema = schema;
	}

	/** The newest Batch run: its audit day, status and the first line of its exit message. */
	record LastRun(String day, String status, String exitMessage) {
	}

	boolean schemaExists() throws SQLException {
		return bool("select exists (select 1 from pg_namespace where nspname = ?)", schema);
	}

	boolean mayCreateSchema() throws SQLException {
		return bool("select has_database_privilege(current_database(), 'CREATE')");
	}

	String user() throws SQLException {
		return string("select current_user");
	}

	String database() throws SQLException {
		return string("select current_database()");
	}

	boolean hasDayTable() throws SQLException {
		return bool("select to_regclass(? || '.audit_day') is not null", schema);
	}

	/**
	 * The newest day its own job audited (rolled-up days do not count), as the history package reads it.
	 *
	 * @throws org.jooq.exception.DataAccessException when the store's schema is too old to say (migrations pending)
	 */
	LocalDate lastAuditedDay() throws SQLException {
		String previous = connection.getSchema();
		// the history's queries name the tables unqualified, as on the job's own connections (search path)
		connection.setSchema(schema);
		try {
			return new HistoryReader(DSL.using(connection, SQLDialect.POSTGRES)).lastAuditedDay().orElse(null);
		}
		finally {
			connection.setSchema(previous);
		}
	}

	/**
	 * {@code ALERT (1 alert, 2 to watch)}, {@code OK (no findings)}: the day's status from its stored findings that
	 * nobody acknowledged.
	 */
	String dayStatus(LocalDate day) throws SQLException {
		if (!bool("select to_regclass(? || '.finding') is not null", schema)) {
			return "audited";
		}
		// an acknowledged finding does not raise the day's status (a store before V30 has none)
		String unacknowledged = bool("select exists (select 1 from information_schema.columns where table_schema = ?"
				+ " and table_name = 'finding' and column_name = 'acknowledged')", schema) ? " and acknowledged is null"
						: "";
		Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
		try (PreparedStatement st = connection.prepareStatement("select severity, count(*) from " + schema
				+ ".finding where audit_date = ?" + unacknowledged + " group by severity")) {
			st.setDate(1, Date.valueOf(day));
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					counts.put(Severity.valueOf(rs.getString(1)), rs.getInt(2));
				}
			}
		}
		int alerts = counts.getOrDefault(Severity.ALERT, 0);
		int watches = counts.getOrDefault(Severity.WATCH, 0);
		String status = alerts > 0 ? "ALERT" : watches > 0 ? "WATCH" : "OK";
		int all = counts.values().stream().mapToInt(Integer::intValue).sum();
		return status + " (" + (all == 0 ? "no findings" : alerts + " alert, " + watches + " to watch, " + all
				+ " findings in all") + ")";
	}

	LastRun lastRun() throws SQLException {
		if (!bool("select to_regclass(? || '.batch_job_execution') is not null", schema)) {
			return null;
		}
		try (PreparedStatement st = connection.prepareStatement("select e.status, coalesce(e.exit_message, ''),"
				+ " p.parameter_value from " + schema + ".batch_job_execution e left join " + schema
				+ ".batch_job_execution_params p on p.job_execution_id = e.job_execution_id"
				+ " and p.parameter_name = 'auditDate' order by e.job_execution_id desc limit 1");
				ResultSet rs = st.executeQuery()) {
			if (!rs.next()) {
				return null;
			}
			String message = rs.getString(2).lines().findFirst().orElse("").strip();
			return new LastRun(rs.getString(3), rs.getString(1),
					message.length() > 200 ? message.substring(0, 200) + "…" : message);
		}
	}

	private boolean bool(String sql, String... args) throws SQLException {
		try (PreparedStatement st = prepare(sql, args)) {
			try (ResultSet rs = st.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private String string(String sql, String... args) throws SQLException {
		try (PreparedStatement st = prepare(sql, args)) {
			try (ResultSet rs = st.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private PreparedStatement prepare(String sql, String... args) throws SQLException {
		PreparedStatement st = connection.prepareStatement(sql);
		for (int i = 0; i < args.length; i++) {
			st.setString(i + 1, args[i]);
		}
		return st;
	}

}
