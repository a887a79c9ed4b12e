package dev.spendaudit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.spendaudit.db.DatabaseEndpoints;
import dev.spendaudit.schedule.AuditLauncher;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code doctor --demo}: the built-in demo database, kept running while the checks look at it, with yesterday
 * audited first as the nightly job would have done, so the store has a history to report.
 */
final class DoctorDemo implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final Path scratch;

	private DoctorDemo(ConfigurableApplicationContext context, Path scratch) {
		this.context = context;
		this.scratch = scratch;
	}

	static DoctorDemo none() {
		return new DoctorDemo(null, null);
	}

	static DoctorDemo start(Clock clock) {
		ConfigurableApplicationContext context = AuditContext.start(null,
				Map.of("spend-audit.source.url", "", "spend-audit.store.url", "", "spring.profiles.active", "demo",
						"logging.level.root", "OFF", "logging.level.dev.spendaudit", "OFF", "logging.level.io.zonky",
						"OFF"));
		try {
			LocalDate yesterday = LocalDate.now(clock).minusDays(1);
			Path scratch = Files.createTempDirectory("spend-audit-doctor-demo-");
			DayResult result = context.getBean(AuditLauncher.class).run(yesterday,
					new RunOptions(scratch, false, false, null));
			if (!result.succeeded()) {
				throw new IllegalStateException("auditing the demo's " + yesterday + " failed: " + result.failure());
			}
			return new DoctorDemo(context, scratch);
		}
		catch (IOException ex) {
			context.close();
			throw new UncheckedIOException("cannot make a scratch folder: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	boolean active() {
		return context != null;
	}

	/** The demo database: source and store in one. */
	DatabaseEndpoints.Endpoint endpoint() {
		return context.getBean(DatabaseEndpoints.class).source();
	}

	/** The settings that point the checks at it, shown with the origin {@value DoctorEnvironment#DEMO_SOURCE}. */
	Map<String, Object> overrides() {
		if (context == null) {
			return Map.of();
		}
		DatabaseEndpoints.Endpoint e = endpoint();
		return Map.of("spend-audit.source.url", e.url(), "spend-audit.source.username", e.username(),
				"spend-audit.source.password", e.password());
	}

	@Override
	public void close() {
		if (context != null) {
			context.close();
		}
		if (scratch != null) {
			try (Stream<Path> files = Files.walk(scratch)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ex) {
				// a scratch folder left in the temp directory is harmless
			}
		}
	}

}
