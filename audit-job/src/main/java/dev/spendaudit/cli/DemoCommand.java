package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.progress.ProgressMode;
import dev.spendaudit.schedule.RunOutcome;
import dev.spendaudit.source.demo.DemoClock;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo}: builds a LiteLLM-shaped database in an embedded PostgreSQL with a month of a homelab's traffic,
 * audits yesterday and shows where the files went. Needs nothing but a JDK. The job's first step rolls up the days
 * before yesterday (quietly, no digest), so the digest has the history its charts, averages and baselines use. It
 * plays this morning's nightly run ({@link DemoClock}), so the digest is the same at any hour of the day.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Audit yesterday on built-in demo data (an embedded PostgreSQL with 40 days of traffic).",
				"The days before are rolled up first (quietly) for the digest's charts, averages and baselines.",
				"It plays this morning's nightly run at 06:15 UTC: the same digest at any hour of the day.",
				"Writes the same files as 'run' (JSON, HTML, text, .eml); mail is never sent.",
				"--quiet prints only errors, the day's summary line and where its files went." })
class DemoCommand implements Callable<Integer> {

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ./out)")
	Path out = Path.of("out");

	@Mixin
	QuietOption quiet;

	@Spec
	CommandSpec spec;

	private final Clock wallClock;

	DemoCommand() {
		this(Clock.systemUTC());
	}

	/** With the wall clock the demo takes today's date from (tests play several hours of one day). */
	DemoCommand(Clock wallClock) {
		this.wallClock = wallClock;
	}

	@Override
	public Integer call() {
		DateOptions yesterday = new DateOptions();
		PrintWriter stdout = spec.commandLine().getOut();
		// the demo profile adds application-demo.yml: plans, retiring keys and a canary matching the demo data
		ProgressMode mode = quiet.mode();
		// the demo ships an inbox with its providers' bills, written from its own traffic
		Map<String, String> demo = QuietOption.logging(mode, Map.of("spend-audit.source.url", "",
				"spend-audit.store.url", "", "spring.profiles.active", "demo", "spend-audit.reconcile.inbox",
				out.resolve("inbox").toAbsolutePath().toString()));
		// the demo takes no --config: its heartbeat and textfile are on only when the environment sets them
		CommandHealth health = CommandHealth.begin(null, demo, out, true, spec.commandLine().getErr());
		// the demo's data and its audit both play this morning's nightly run, whatever the hour (see DemoClock)
		Clock nightlyRun = DemoClock.nightlyRun(wallClock);
		try (ConfigurableApplicationContext context = AuditContext.start(null, demo, nightlyRun)) {
			health.attach(context, out);
			LocalDate day = yesterday
				.days(context.getBean(Clock.class), context.getBean(CoreSettings.class).zone())
				.get(0);
			// the demo audits yesterday itself, not a catch-up
			yesterday.date = day;
			if (mode != ProgressMode.QUIET) {
				stdout.println("spend-audit demo: a LiteLLM-shaped database with 40 days of homelab traffic");
				stdout.println("auditing " + day + " as the nightly run at " + DemoClock.RUN_AT + " UTC would; the"
						+ " days before it are rolled up first, quietly, as its history");
				stdout.flush();
			}
			RunOutcome outcome = RunCommand.runDays(context, out, false, false, false, yesterday, mode, stdout,
					spec.commandLine().getErr());
			if (outcome.exit().done()) {
				if (mode != ProgressMode.QUIET) {
					printWorkloads(out.resolve(DigestFiles.name(day, "json")), stdout);
				}
				printDigest(out, day, stdout);
				if (mode != ProgressMode.QUIET) {
					BlindSpotLines.print(out.resolve(DigestFiles.name(day, "json")), stdout);
				}
			}
			return health.finish(outcome);
		}
		catch (RuntimeException ex) {
			throw health.failed(ex);
		}
	}

	private static void printDigest(Path out, LocalDate day, PrintWriter stdout) {
		stdout.println("Digest HTML: " + out.resolve(DigestFiles.name(day, "html")).toAbsolutePath()
				+ "  (open it in a browser)");
		stdout.println("Digest text: " + out.resolve(DigestFiles.name(day, "txt")).toAbsolutePath());
		stdout.println("Digest mail: " + out.resolve(DigestFiles.name(day, "eml")).toAbsolutePath()
				+ "  (the exact MIME message; the demo never sends it)");
		stdout.flush();
	}

	private static void printWorkloads(Path json, PrintWriter stdout) {
		JsonNode digest = DaySummary.read(json);
		stdout.println();
		// the demo has two gateways: each workload's is named
		stdout.printf("%-26s %-10s %-14s %10s %9s %7s%n", "workload", "gateway", "attribution", "usd", "requests",
				"failed");
		for (JsonNode w : digest.get("workloads")) {
			JsonNode source = w.get("source");
			stdout.printf("%-26s %-10s %-14s %10s %9s %7s%n", w.get("workload").asString(),
					source == null || source.isNull() ? "several" : source.asString(),
					w.get("attribution").asString(), DaySummary.usd(w.get("usd")),
					Quantities.count(w.get("requests").asLong()), Quantities.count(w.get("failedRequests").asLong()));
		}
		stdout.println();
		stdout.println("Digest JSON: " + json.toAbsolutePath());
	}

}
