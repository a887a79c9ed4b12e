package dev.spendaudit.db;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.source.demo.DemoDatabase;
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

	private DemoServer(EmbeddedServer server, DatabaseEndpoints.Endpoint endpoint) {
		this.server = server;
		this.endpoint = endpoint;
	}

	static DemoServer none() {
		return new DemoServer(null, null);
	}

	/** Starts it, seeded as of the clock's now, with the demo's bills written into {@code inbox} (null: none). */
	static DemoServer start(Clock clock, Path inbox) {
		log.info("no spend-audit.source.url configured: starting the built-in demo database (embedded PostgreSQL)");
		EmbeddedServer server = EmbeddedServer.start();
		DatabaseEndpoints.Endpoint endpoint = server.createDatabase("litellm");
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl(endpoint.url());
			ds.setUsername(endpoint.username());
			ds.setPassword(endpoint.password());
			DemoDatabase.seed(new LiteLlmWriter(ds), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), inbox);
		}
		return new DemoServer(server, endpoint);
	}

	boolean isRunning() {
		return server != null;
	}

	DatabaseEndpoints.Endpoint endpoint() {
		return endpoint;
	}

	/** The demo's gateways: its LiteLLM database, named as one configured gateway is. */
	List<GatewayPools.Target> gateways() {
		return List.of(new GatewayPools.Target(SourceSettings.DEFAULT_NAME, endpoint,
				"the built-in demo"));
	}

	@Override
	public void close() {
		if (server != null) {
			server.close();
		}
	}

}
