package dev.spendaudit.doctor;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Which PostgreSQL database a URL points at: host, port, database and schema, never the password. Reads JDBC URLs
 * ({@code jdbc:postgresql://host:5432/litellm?currentSchema=x}) and the libpq / Prisma form LiteLLM's
 * {@code DATABASE_URL} takes ({@code postgresql://user:password@host:5432/litellm?schema=x}).
 *
 * @param database null when the URL names none (PostgreSQL then uses the user's name)
 */
public record PostgresTarget(String host, int port, String database, String schema) {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

	/** The target of {@code url}, or null when it is not a PostgreSQL URL. */
	public static PostgresTarget parse(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String u = url.strip();
		if (u.startsWith("jdbc:")) {
			u = u.substring("jdbc:".length());
		}
		if (!(u.startsWith("postgresql://") || u.startsWith("postgres://"))) {
			return null;
		}
		// several hosts (jdbc:postgresql://a,b/db): the first one is the primary
		String rest = u.substring(u.indexOf("://") + 3);
		int slash = rest.indexOf('/');
		int query = rest.indexOf('?');
		int hostEnd = slash >= 0 ? slash : query >= 0 ? query : rest.length();
		String authority = rest.substring(0, hostEnd);
		authority = authority.substring(authority.lastIndexOf('@') + 1);
		authority = authority.split(",")[0];
		try {
			URI uri = URI.create("postgresql://" + authority + rest.substring(hostEnd));
			String host = uri.getHost() == null ? authority.replaceAll(":\\d+$", "") : uri.getHost();
			String path = uri.getRawPath() == null ? "" : uri.getRawPath();
			String database = path.length() > 1 ? decode(path.substring(1)) : null;
			String schema = param(uri.getRawQuery(), "schema");
			if (schema == null) {
				schema = param(uri.getRawQuery(), "currentSchema");
			}
			return new PostgresTarget(host.toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 5432 : uri.getPort(), database,
					schema == null ? "public" : schema.split(",")[0]);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Whether both name the same host, counting every loopback name as one. */
	public boolean sameHost(PostgresTarget other) {
		return host.equals(other.host) || LOOPBACK.contains(host) && LOOPBACK.contains(other.host);
	}

	/** Whether both are the same database on the same server under the same names. */
	public boolean same(PostgresTarget other) {
		return sameHost(other) && port == other.port && java.util.Objects.equals(database, other.database)
				&& schema.equals(other.schema);
	}

	@Override
	public String toString() {
		return host + ":" + port + "/" + (database == null ? "(the user's name)" : database)
				+ ("public".equals(schema) ? "" : " schema " + schema);
	}

	private static String param(String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return decode(pair.substring(eq + 1));
			}
		}
		return null;
	}

	private static String decode(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}

}
