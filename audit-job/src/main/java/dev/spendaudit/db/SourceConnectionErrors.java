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

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			if (cause instanceof SQLException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException) {
				break;
			}
			cause = cause.getCause();
		}
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		return message.lines().findFirst().orElse(message);
	}

	/** JDBC URLs may carry {@code password=...}: never print it. */
	static String redact(String url) {
		return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1****");
	}

}
