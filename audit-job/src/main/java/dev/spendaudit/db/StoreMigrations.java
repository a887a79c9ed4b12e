package dev.spendaudit.db;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The job's own schema migrations (Flyway, {@code sql/audit/}): where they live, and which of them a store has
 * applied, without applying any. {@code doctor} reads this; a {@code run} migrates at start-up.
 */
public final class StoreMigrations {

	/** Where the job's migrations are on the class path (the top-level {@code sql/audit/} folder). */
	public static final String LOCATION = "classpath:db/audit";

	private StoreMigrations() {
	}

	/**
	 * A store's migrations as Flyway sees them.
	 *
	 * @param applied versions applied successfully, oldest first ({@code 1 spring batch metadata})
	 * @param pending versions this release has and the store lacks
	 * @param failed versions whose migration failed part-way: Flyway refuses to go on until it is repaired
	 * @param unknown versions applied by a newer release than this one
	 */
	public record Status(List<String> applied, List<String> pending, List<String> failed, List<String> unknown) {

		public boolean upToDate() {
			return pending.isEmpty() && failed.isEmpty();
		}

	}

	/** Reads Flyway's history table in {@code schema}; a schema that does not exist yet has every migration pending. */
	public static Status inspect(DataSource store, String schema) {
		MigrationInfoService info = Flyway.configure()
			.dataSource(store)
			.schemas(schema)
			.defaultSchema(schema)
			.locations(LOCATION)
			.load()
			.info();
		// Flyway's own marker rows (<< Flyway Schema Creation >>) are not migrations
		List<MigrationInfo> all = Arrays.stream(info.all()).filter(m -> !m.getDescription().startsWith("<<")).toList();
		return new Status(
				names(all.stream().filter(m -> m.getState().isApplied() && m.getState().isResolved()
						&& !m.getState().isFailed()).toList()),
				names(Arrays.asList(info.pending())),
				names(all.stream().filter(m -> m.getState().isFailed()).toList()),
				names(all.stream().filter(m -> m.getState().isApplied() && !m.getState().isResolved()).toList()));
	}

	private static List<String> names(List<MigrationInfo> migrations) {
		return migrations.stream()
			.map(m -> (m.getVersion() == null ? "R" : "V" + m.getVersion().getVersion()) + " " + m.getDescription())
			.toList();
	}

}
