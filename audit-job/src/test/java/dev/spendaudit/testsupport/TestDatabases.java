package dev.spendaudit.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.db.EmbeddedServer;

/**
 * Fresh, empty PostgreSQL databases for tests: on the server named by {@code TEST_DB_URL} (with
 * {@code TEST_DB_USER} / {@code TEST_DB_PASSWORD}) when set, else on one embedded PostgreSQL started for the test
 * JVM. Databases made on a real server are dropped when the JVM ends, unless {@code TEST_DB_KEEP=true}.
 */
public final class TestDatabases {

	private static EmbeddedServer embedded;

	private static final List<String> created = new ArrayList<>();

	private TestDatabases() {
	}

	/** Whether tests run against an external server rather than the embedded one. */
	public static boolean external() {
		String url = System.getenv("TEST_DB_URL");
		return url != null && !url.isBlank();
	}

	public static synchronized Endpoint fresh(String purpose) {
		String name = ("sa_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]", "_");
		if (!external()) {
			if (embedded == null) {
				embedded = EmbeddedServer.start();
				Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
			}
			return embedded.createDatabase(name);
		}
		String adminUrl = System.getenv("TEST_DB_URL");
		String user = env("TEST_DB_USER", "spendaudit");
		String password = env("TEST_DB_PASSWORD", "spendaudit");
		try (Connection c = DriverManager.getConnection(adminUrl, user, password);
				Statement st = c.createStatement()) {
			st.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create a test database on " + adminUrl + ": " + ex.getMessage(), ex);
		}
		registerDrop(adminUrl, user, password, name);
		return new Endpoint(withDatabase(adminUrl, name), user, password);
	}

	/**
	 * The URL without a {@code user=} parameter: the embedded server's URLs carry one, and the driver lets it beat
	 * the user name it is given, which would hide the role a test logs in as.
	 */
	public static String withoutUser(String url) {
		return url.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
	}

	static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String params = query < 0 ? "" : url.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
	}

	private static void registerDrop(String adminUrl, String user, String password, String name) {
		if ("true".equalsIgnoreCase(System.getenv("TEST_DB_KEEP"))) {
			return;
		}
		if (created.isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try (Connection c = DriverManager.getConnection(adminUrl, user, password);
						Statement st = c.createStatement()) {
					for (String db : created) {
						st.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
					}
				}
				catch (SQLException ex) {
					System.err.println("could not drop test databases: " + ex.getMessage());
				}
			}));
		}
		created.add(name);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
