package dev.spendaudit.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.function.Supplier;

import dev.spendaudit.source.SourceUnavailableException;
import org.jooq.exception.DataAccessException;

/**
 * Turns the many shapes of "can't use that database" into one operator-readable line.
 */
final class SourceConnectionErrors {

	private SourceConnectionErrors() {
	}

	static <T> T translate(String url, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (DataAccessException ex) {
			throw new SourceUnavailableException("cannot read the LiteLLM database at " + redact(url) + ": "
					+ rootMessage(ex), ex);
		}
	}

	/** The deepest SQL or network reason in the chain (the driver's words), else the root cause's. */
	static String rootMessage(Throwable ex) {
		Throwable best = ex;
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SQLException || t instanceof ConnectException || t instanceof UnknownHostException
					|| t.getCause() == null) {
				best = t;
			}
		}
		String message = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
		return message.lines().findFirst().orElse(message);
	}

	/** JDBC URLs may carry {@code password=...}: never print it. */
	static String redact(String url) {
		return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1****");
	}

}
