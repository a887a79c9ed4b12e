package dev.spendaudit.db;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.reconcile.ReconcileSettings;
import dev.spendaudit.source.AnomalousSettings;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SourceSettings;
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

	@Bean(destroyMethod = "close")
	DemoServer demoServer(SourceSettings source, Clock clock, ReconcileSettings reconcile) {
		return source.isDemo() ? DemoServer.start(clock, reconcile.inbox()) : DemoServer.none();
	}

	@Bean
	DatabaseEndpoints databaseEndpoints(SourceSettings sourceSettings, StoreSettings store, DemoServer demo) {
		DatabaseEndpoints.Endpoint source = demo.isRunning() ? demo.endpoint()
				: new DatabaseEndpoints.Endpoint(sourceSettings.url(), sourceSettings.username(),
						sourceSettings.password());
		DatabaseEndpoints.Endpoint storeEndpoint = new DatabaseEndpoints.Endpoint(
				store.url() != null && !store.url().isBlank() ? store.url() : source.url(),
				store.username() != null ? store.username() : source.username(),
				store.password() != null ? store.password() : source.password());
		return new DatabaseEndpoints(source, storeEndpoint, store.schema(), demo.isRunning());
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

	@Bean(destroyMethod = "close")
	@Qualifier("source")
	HikariDataSource sourceDataSource(DatabaseEndpoints endpoints, SourceSettings settings) {
		HikariConfig config = config("spend-audit-source", endpoints.source());
		config.setReadOnly(true);
		// a nightly audit must never hold LiteLLM's database hostage
		config.setConnectionInitSql("SET statement_timeout = " + Math.max(1, settings.statementTimeout().toMillis()));
		return open(config, "the LiteLLM database (spend-audit.source.url)", endpoints.source());
	}

	@Bean
	LiteLlmSource liteLlmSource(@Qualifier("source") DataSource sourceDataSource, SourceSettings settings,
			AnomalousSettings anomalous) {
		return SourceConnectionErrors.translate(endpointsLabel(sourceDataSource),
				() -> new LiteLlmSource(sourceDataSource, settings, anomalous));
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

	private static String endpointsLabel(DataSource dataSource) {
		return dataSource instanceof HikariDataSource h ? h.getJdbcUrl() : "the source database";
	}

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
