package dev.spendaudit.db;

import java.util.Objects;

/**
 * The two databases the job talks to, as resolved at start-up: the LiteLLM source (read only) and the store that
 * holds the job's own schema. They are often the same server.
 */
public record DatabaseEndpoints(Endpoint source, Endpoint store, String storeSchema, boolean demo) {

	public DatabaseEndpoints {
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(store, "store must not be null");
	}

	/** A JDBC URL and its credentials; {@link #toString()} hides the password. */
	public record Endpoint(String url, String username, String password) {

		@Override
		public String toString() {
			return url + " as " + username;
		}

	}

}
