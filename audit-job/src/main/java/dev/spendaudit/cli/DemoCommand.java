package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.SpendAuditSettings;
import dev.spendaudit.digest.DigestFiles;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo}: builds a LiteLLM-shaped database in an embedded PostgreSQL with a month of a homelab's traffic,
 * audits yesterday and shows where the files went. Needs nothing but a JDK.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Audit yesterday on built-in demo data (an embedded PostgreSQL with 40 days of traffic).",
				"Writes the same files as 'run'; mail is never sent." })
class DemoCommand implements Callable<Integer> {

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ./out)")
	Path out = Path.of("out");

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		DateOptions yesterday = new DateOptions();
		PrintWriter stdout = spec.commandLine().getOut();
		// the demo profile adds application-demo.yml: plans, retiring keys and a canary matching the demo data
		try (ConfigurableApplicationContext context = AuditContext.start(null, Map.of("spend-audit.source.url", "",
				"spend-audit.store.url", "", "spring.profiles.active", "demo"))) {
			stdout.println("spend-audit demo: a LiteLLM-shaped database with 40 days of homelab traffic");
			int status = RunCommand.runDays(context, out, false, yesterday, stdout, spec.commandLine().getErr());
			if (status == 0) {
				LocalDate day = yesterday
					.days(context.getBean(Clock.class), context.getBean(SpendAuditSettings.class).zone())
					.get(0);
				printWorkloads(out.resolve(DigestFiles.name(day, "json")), stdout);
				BlindSpotLines.print(out.resolve(DigestFiles.name(day, "json")), stdout);
			}
			return status;
		}
	}

	private static void printWorkloads(Path json, PrintWriter stdout) {
		JsonNode digest = DaySummary.read(json);
		stdout.println();
		stdout.printf("%-26s %-14s %10s %9s %7s%n", "workload", "attribution", "usd", "requests", "failed");
		for (JsonNode w : digest.get("workloads")) {
			stdout.printf("%-26s %-14s %10s %,9d %,7d%n", w.get("workload").asString(),
					w.get("attribution").asString(), DaySummary.usd(w.get("usd").decimalValue()),
					w.get("requests").asLong(), w.get("failedRequests").asLong());
		}
		stdout.println();
		stdout.println("Digest JSON: " + json.toAbsolutePath());
		stdout.flush();
	}

}
