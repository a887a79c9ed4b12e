package dev.spendaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.schedule.AuditLauncher;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo}: builds a LiteLLM-shaped database in an embedded PostgreSQL with a month of a homelab's traffic,
 * audits yesterday and shows where the files went. Needs nothing but a JDK. The 30 days before yesterday are
 * rolled up first, quietly, so that the digest has the history its charts and averages are drawn from.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Audit yesterday on built-in demo data (an embedded PostgreSQL with 40 days of traffic).",
				"The 30 days before are rolled up first (quietly) for the digest's charts and averages.",
				"Writes the same files as 'run' (JSON, HTML, text, .eml); mail is never sent." })
class DemoCommand implements Callable<Integer> {

	/** Days rolled up before the audited one: what the 30-day chart and averages look back over. */
	static final int HISTORY_DAYS = 30;

	/** The job's own INFO lines, which would repeat 30 times. */
	private static final String QUIET_LOGGER = "dev.spendaudit";

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ./out)")
	Path out = Path.of("out");

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		DateOptions yesterday = new DateOptions();
		PrintWriter stdout = spec.commandLine().getOut();
		// the demo profile adds application-demo.yml: plans, retiring keys and a canary matching the demo data
		try (ConfigurableApplicationContext context = AuditContext.start(spec, null, Map.of("spend-audit.source.url", "",
				"spend-audit.store.url", "", "spring.profiles.active", "demo"))) {
			stdout.println("spend-audit demo: a LiteLLM-shaped database with 40 days of homelab traffic");
			LocalDate day = yesterday
				.days(context.getBean(Clock.class), context.getBean(CoreSettings.class).zone())
				.get(0);
			rollUpHistory(context, day, stdout);
			int status = RunCommand.runDays(context, out, false, false, yesterday, stdout,
					spec.commandLine().getErr());
			if (status == 0) {
				printWorkloads(out.resolve(DigestFiles.name(day, "json")), stdout);
				printDigest(out, day, stdout);
				BlindSpotLines.print(out.resolve(DigestFiles.name(day, "json")), stdout);
			}
			return status;
		}
	}

	/**
	 * The {@value #HISTORY_DAYS} days before {@code day}, one job per day as a timer would have run them, into a
	 * scratch folder that is then deleted: only their rollups in the store are wanted. Logged at WARN only.
	 */
	private static void rollUpHistory(ConfigurableApplicationContext context, LocalDate day, PrintWriter stdout) {
		long started = System.nanoTime();
		LoggingSystem logging = LoggingSystem.get(DemoCommand.class.getClassLoader());
		LoggerConfiguration before = logging.getLoggerConfiguration(QUIET_LOGGER);
		Path scratch = null;
		try {
			scratch = Files.createTempDirectory("spend-audit-demo-");
			logging.setLogLevel(QUIET_LOGGER, LogLevel.WARN);
			AuditLauncher launcher = context.getBean(AuditLauncher.class);
			RunOptions quiet = new RunOptions(scratch, false, false, null);
			for (LocalDate d = day.minusDays(HISTORY_DAYS); d.isBefore(day); d = d.plusDays(1)) {
				DayResult result = launcher.run(d, quiet);
				if (!result.succeeded()) {
					throw new IllegalStateException("rolling up the demo's " + d + " failed: " + result.failure());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make a scratch folder: " + ex.getMessage(), ex);
		}
		finally {
			logging.setLogLevel(QUIET_LOGGER, before == null ? null : before.getConfiguredLevel());
			deleteQuietly(scratch);
		}
		stdout.printf("rolled up the %d days before %s first (one job each, nothing mailed) for the charts: %.1f s%n",
				HISTORY_DAYS, day, (System.nanoTime() - started) / 1e9);
		stdout.flush();
	}

	private static void printDigest(Path out, LocalDate day, PrintWriter stdout) {
		stdout.println("Digest HTML: " + out.resolve(DigestFiles.name(day, "html")).toAbsolutePath()
				+ "  (open it in a browser)");
		stdout.println("Digest text: " + out.resolve(DigestFiles.name(day, "txt")).toAbsolutePath());
		stdout.println("Digest mail: " + out.resolve(DigestFiles.name(day, "eml")).toAbsolutePath()
				+ "  (the exact MIME message; the demo never sends it)");
		stdout.flush();
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a scratch folder left in the temp directory is harmless
		}
	}

	private static void printWorkloads(Path json, PrintWriter stdout) {
		JsonNode digest = DaySummary.read(json);
		stdout.println();
		stdout.printf("%-26s %-14s %10s %9s %7s%n", "workload", "attribution", "usd", "requests", "failed");
		for (JsonNode w : digest.get("workloads")) {
			stdout.printf("%-26s %-14s %10s %9s %7s%n", w.get("workload").asString(),
					w.get("attribution").asString(), DaySummary.usd(w.get("usd")),
					Quantities.count(w.get("requests").asLong()), Quantities.count(w.get("failedRequests").asLong()));
		}
		stdout.println();
		stdout.println("Digest JSON: " + json.toAbsolutePath());
	}

}
