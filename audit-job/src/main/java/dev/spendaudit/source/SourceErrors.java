package dev.spendaudit.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.spendaudit.core.Quantities;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * Whatever LiteLLM's database does to a read once the run is under way (the server goes away, its backend is
 * terminated, the statement timeout cancels a query, a grant is missing) ends the day as the source's failure
 * (exit code 4), in one line with the driver's reason: never as an unnamed error of the job's own.
 */
final class SourceErrors implements ExecuteListener {

	/** PostgreSQL's {@code query_canceled}: what {@code statement_timeout} raises. */
	private static final String QUERY_CANCELED = "57014";

	private final Duration statementTimeout;

	SourceErrors(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	@Override
	public void exception(ExecuteContext ctx) {
		SQLException sql = ctx.sqlException();
		if (sql == null && ctx.exception() != null && ctx.exception().getCause() instanceof SQLException cause) {
			sql = cause;
		}
		if (sql != null) {
			ctx.exception(translate(sql));
		}
	}

	SourceUnavailableException translate(SQLException ex) {
		if (QUERY_CANCELED.equals(ex.getSQLState())) {
			return new SourceUnavailableException("a query on the LiteLLM database ran longer than "
					+ SourceSettings.STATEMENT_TIMEOUT + " (" + Quantities.elapsed(statementTimeout)
					+ ") and was cancelled", ex);
		}
		return new SourceUnavailableException("the LiteLLM database failed a read: " + firstLine(ex), ex);
	}

	/** Connections that cannot be had (the server gone, logins refused) fail the same way as a read. */
	DataSourceConnectionProvider connections(DataSource dataSource) {
		return new DataSourceConnectionProvider(dataSource) {
			@Override
			public Connection acquire() {
				try {
					return super.acquire();
				}
				catch (DataAccessException ex) {
					throw ex.getCause() instanceof SQLException sql ? translate(sql)
							: new SourceUnavailableException("cannot reach the LiteLLM database: " + ex.getMessage(), ex);
				}
			}
		};
	}

	/** The deepest reason the driver gives (a pool's timeout wraps the server's refusal), on one line. */
	private static String firstLine(SQLException ex) {
		Throwable best = ex;
		for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			if (t instanceof SQLException) {
				best = t;
			}
		}
		String message = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
		return message.lines().findFirst().orElse(message);
	}

}
