package dev.spendaudit.db;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.source.demo.DemoDatabase;
import dev.spendaudit.source.demo.DemoStaging;
import dev.spendaudit.source.demo.LiteLlmWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in demo's server: an embedded PostgreSQL holding a LiteLLM-shaped database seeded with
 * {@link DemoDatabase}'s traffic up to now. Started whenever no {@code spend-audit.source.url} is configured.
 */
final class DemoServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DemoServer.class);

	private final EmbeddedServer server;

	private final DatabaseEndpoints.Endpoint endpoint;

	/** The second, smaller gateway's database ({@link DemoStaging}). */
	private final DatabaseEndpoints.Endpoint staging;

	private DemoServer(EmbeddedServer server, DatabaseEndpoints.Endpoint endpoint, DatabaseEndpoints.Endpoint staging) {
		this.server = server;
		this.endpoint = endpoint;
		this.staging = staging;
	}

	static DemoServer none() {
		return new DemoServer(null, null, null);
	}

	/** Starts it, seeded as of the clock's now, with the demo's bills written into {@code inbox} (null: none). */
	static DemoServer start(Clock clock, Path inbox) {
		log.info("no spend-audit.source.url configured: starting the built-in demo database (embedded PostgreSQL)");
		EmbeddedServer server = EmbeddedServer.start();
		DatabaseEndpoints.Endpoint endpoint = server.createDatabase("litellm");
		DatabaseEndpoints.Endpoint staging = server.createDatabase(DemoStaging.DATABASE);
		LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
		try (HikariDataSource ds = dataSource(endpoint); HikariDataSource st = dataSource(staging)) {
			DemoDatabase.seed(new LiteLlmWriter(ds), now, inbox);
			DemoStaging.seed(new LiteLlmWriter(st), now);
		}
		return new DemoServer(server, endpoint, staging);
	}

	private static HikariDataSource dataSource(DatabaseEndpoints.Endpoint endpoint) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(endpoint.url());
		ds.setUsername(endpoint.username());
		ds.setPassword(endpoint.password());
		return ds;
	}

	boolean isRunning() {
		return server != null;
	}

	DatabaseEndpoints.Endpoint endpoint() {
		return endpoint;
	}

	/**
	 * The demo's gateways: its main LiteLLM database, named as one configured gateway is (it also holds the
	 * store), and the smaller {@code staging}.
	 */
	List<GatewayPools.Target> gateways() {
		return List.of(new GatewayPools.Target(SourceSettings.DEFAULT_NAME, endpoint, "the built-in demo"),
				new GatewayPools.Target(DemoStaging.NAME, staging, "the built-in demo's staging gateway"));
	}

	@Override
	public void close() {
		if (server != null) {
			server.close();
		}
	}

}
