package dev.spendaudit.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.source.demo.LiteLlmWriter;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh LiteLLM-shaped test database: the pinned DDL applied, and a {@link LiteLlmWriter} to fill it the way
 * the proxy would.
 */
public final class LiteLlmDatabase implements AutoCloseable {

	private final Endpoint endpoint;

	private final HikariDataSource dataSource;

	private final LiteLlmWriter writer;

	private LiteLlmDatabase(Endpoint endpoint) {
		this.endpoint = endpoint;
		this.dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(endpoint.url());
		dataSource.setUsername(endpoint.username());
		dataSource.setPassword(endpoint.password());
		dataSource.setMaximumPoolSize(2);
		this.writer = new LiteLlmWriter(dataSource);
	}

	public static LiteLlmDatabase create(String purpose) {
		LiteLlmDatabase db = new LiteLlmDatabase(TestDatabases.fresh(purpose));
		db.writer.applySchema();
		return db;
	}

	public Endpoint endpoint() {
		return endpoint;
	}

	public LiteLlmWriter writer() {
		return writer;
	}

	/** The job's reader of this database, on a connection of its own, with the default settings. */
	public LiteLlmSource source() {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setUrl(endpoint.url());
		ds.setUser(endpoint.username());
		ds.setPassword(endpoint.password());
		return new LiteLlmSource(ds, new SourceSettings(null, null, null, null, null));
	}

	/** Runs SQL on the LiteLLM database, e.g. to take an older LiteLLM's shape. */
	public void execute(String sql) {
		writer.dsl().execute(sql);
	}

	@Override
	public void close() {
		dataSource.close();
	}

}
