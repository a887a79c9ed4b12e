package dev.spendaudit.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import dev.spendaudit.core.GatewayNames;
import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.reconcile.ReconcileSettings;
import dev.spendaudit.source.AnomalousSettings;
import dev.spendaudit.source.GatewaySettings;
import dev.spendaudit.source.Gateways;
import dev.spendaudit.source.SourceGateways;
import dev.spendaudit.source.SourceListSettings;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.source.TagWorkloadSettings;
import dev.spendaudit.source.SourceUnavailableException;
import dev.spendaudit.store.StoreSettings;
import dev.spendaudit.store.StoreUnavailableException;
import org.flywaydb.core.api.FlywayException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The two connection pools: the store (primary: Flyway, Spring Batch and the job's jOOQ context use it) and the
 * LiteLLM source, read only. With no {@code spend-audit.source.url} both point at the built-in demo database.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Gateways gateways(SourceSettings source, SourceListSettings list) {
		return Gateways.of(source, list);
	}

	@Bean(destroyMethod = "close")
	DemoServer demoServer(Gateways gateways, Clock clock, ReconcileSettings reconcile) {
		return gateways.isDemo() ? DemoServer.start(clock, reconcile.inbox()) : DemoServer.none();
	}

	@Bean
	DatabaseEndpoints databaseEndpoints(Gateways gateways, StoreSettings store, DemoServer demo) {
		// the store defaults to the first gateway's database
		DatabaseEndpoints.Endpoint source = targets(gateways, demo).get(0).endpoint();
		DatabaseEndpoints.Endpoint storeEndpoint = new DatabaseEndpoints.Endpoint(
				store.url() != null && !store.url().isBlank() ? store.url() : source.url(),
				store.username() != null ? store.username() : source.username(),
				store.password() != null ? store.password() : source.password());
		return new DatabaseEndpoints(source, storeEndpoint, store.schema(), demo.isRunning());
	}

	private static List<GatewayPools.Target> targets(Gateways gateways, DemoServer demo) {
		if (demo.isRunning()) {
			return demo.gateways();
		}
		List<GatewayPools.Target> targets = new ArrayList<>();
		for (int i = 0; i < gateways.all().size(); i++) {
			GatewaySettings g = gateways.all().get(i);
			targets.add(new GatewayPools.Target(g.name(), new DatabaseEndpoints.Endpoint(g.url(), g.username(),
					g.password()), gateways.several() ? "spend-audit.sources[" + i + "].url" : "spend-audit.source.url"));
		}
		return targets;
	}

	@Bean(destroyMethod = "close")
	@Primary
	HikariDataSource storeDataSource(DatabaseEndpoints endpoints) {
		HikariConfig config = config("spend-audit-store", endpoints.store());
		// search_path: the job's tables, Batch's BATCH_ tables and Flyway's history all live in one schema
		config.setSchema(endpoints.storeSchema());
		String what = endpoints.store().url().equals(endpoints.source().url())
				? "the LiteLLM database (spend-audit.source.url, which also holds the job's schema)"
				: "the job's store database (spend-audit.store.url)";
		try {
			return open(config, what, endpoints.store());
		}
		catch (SourceUnavailableException ex) {
			// a store of its own that is down is the store's failure (exit 5); one shared with the source is the
			// source's (exit 4)
			if (endpoints.store().url().equals(endpoints.source().url())) {
				throw ex;
			}
			throw new StoreUnavailableException(ex.getMessage(), ex.getCause());
		}
	}

	/** Every gateway's read-only pool; with several, one that cannot be opened is set aside (see {@link GatewayPools}). */
	@Bean(destroyMethod = "close")
	GatewayPools gatewayPools(Gateways gateways, DemoServer demo, SourceSettings settings) {
		return GatewayPools.open(targets(gateways, demo), target -> {
			HikariConfig config = config("spend-audit-source-" + target.name(), target.endpoint());
			config.setReadOnly(true);
			// the run's reader, the two days read ahead and the source's two helper threads, and one spare
			config.setMaximumPoolSize(SOURCE_POOL);
			// a nightly audit must never hold LiteLLM's database hostage
			config.setConnectionInitSql("SET statement_timeout = " + Math.max(1, settings.statementTimeout().toMillis()));
			String what = gateways.several() ? "gateway " + target.name() + "'s LiteLLM database (" + target.setting() + ")"
					: "the LiteLLM database (" + target.setting() + ")";
			return open(config, what, target.endpoint());
		});
	}

	/** The primary gateway's pool (the first that could be opened); {@link GatewayPools} closes it. */
	@Bean(destroyMethod = "")
	@Qualifier("source")
	DataSource sourceDataSource(GatewayPools pools) {
		return pools.primary().dataSource();
	}

	/**
	 * Each reachable gateway's reader. With several, one whose database is not LiteLLM's (or cannot be read) is
	 * set aside like one that cannot be reached.
	 */
	@Bean
	SourceGateways sourceGateways(GatewayPools pools, Gateways gateways, DemoServer demo, SourceSettings settings,
			AnomalousSettings anomalous, TagWorkloadSettings tags) {
		List<LiteLlmSource> reachable = new ArrayList<>();
		List<SourceGateways.Unreachable> unreachable = new ArrayList<>(pools.failed());
		RuntimeException first = null;
		for (GatewayPools.Pool pool : pools.open()) {
			GatewaySettings g = gateways.isDemo() ? null
					: gateways.all().stream().filter(x -> x.name().equals(pool.name())).findFirst().orElseThrow();
			SourceSettings own = g == null ? settings
					: new SourceSettings(g.url(), g.username(), g.password(), g.masterKeySha256(),
							settings.statementTimeout());
			try {
				reachable.add(SourceConnectionErrors.translate(pool.endpoint().url(),
						() -> new LiteLlmSource(pool.dataSource(), pool.name(), own, anomalous, tags)));
			}
			catch (SourceUnavailableException ex) {
				if (pools.open().size() + pools.failed().size() == 1) {
					throw ex;
				}
				first = first == null ? ex : first;
				unreachable.add(new SourceGateways.Unreachable(pool.name(), ex.getMessage()));
			}
		}
		if (reachable.isEmpty()) {
			throw first;
		}
		List<String> names = targets(gateways, demo).stream().map(GatewayPools.Target::name).toList();
		return new SourceGateways(names, reachable, unreachable, gateways.mergeWorkloads());
	}

	@Bean
	GatewayNames gatewayNames(Gateways gateways, DemoServer demo) {
		return new GatewayNames(targets(gateways, demo).stream().map(GatewayPools.Target::name).toList());
	}

	@Bean
	LiteLlmSource liteLlmSource(SourceGateways gateways) {
		return gateways.primary();
	}

	@Bean
	FlywayConfigurationCustomizer storeSchema(DatabaseEndpoints endpoints) {
		return configuration -> configuration.schemas(endpoints.storeSchema())
			.defaultSchema(endpoints.storeSchema())
			.createSchemas(true)
			.locations(StoreMigrations.LOCATION);
	}

	/**
	 * Migrates the store's schema; a migration that cannot run (no right to create the schema, a failed script)
	 * stops the run in one line naming the schema and the database (exit code 5).
	 */
	@Bean
	FlywayMigrationStrategy storeMigration(DatabaseEndpoints endpoints) {
		return flyway -> {
			try {
				flyway.migrate();
			}
			catch (FlywayException ex) {
				throw new StoreUnavailableException("cannot migrate the job's schema " + endpoints.storeSchema()
						+ " (spend-audit.store.schema) in " + SourceConnectionErrors.redact(endpoints.store().url())
						+ ": " + SourceConnectionErrors.rootMessage(ex), ex);
			}
		};
	}

	/** Connections a gateway's pool opens at most: every read a run makes at once, with one to spare. */
	static final int SOURCE_POOL = 6;

	private static HikariConfig config(String name, DatabaseEndpoints.Endpoint endpoint) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		config.setJdbcUrl(endpoint.url());
		config.setUsername(endpoint.username());
		config.setPassword(endpoint.password());
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		config.setConnectionTimeout(10_000);
		// connect at start-up: an unreachable server stops the run before any work, with the driver's reason
		config.setInitializationFailTimeout(1);
		// visible in pg_stat_activity, so the proxy's operator sees who is reading
		config.addDataSourceProperty("ApplicationName", "spend-audit");
		return config;
	}

	private static HikariDataSource open(HikariConfig config, String what, DatabaseEndpoints.Endpoint endpoint) {
		try {
			return new HikariDataSource(config);
		}
		catch (RuntimeException ex) {
			throw new SourceUnavailableException("cannot connect to " + what + " at "
					+ SourceConnectionErrors.redact(endpoint.url()) + ": " + SourceConnectionErrors.rootMessage(ex), ex);
		}
	}

}
