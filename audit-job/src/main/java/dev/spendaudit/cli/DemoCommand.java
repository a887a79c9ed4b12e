package dev.spendaudit.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

	@Override
	public Integer call() {
		DateOptions yesterday = new DateOptions();
		try (ConfigurableApplicationContext context = AuditContext.start(null, Map.of("spend-audit.source.url", "",
				"spend-audit.store.url", ""))) {
			System.out.println("spend-audit demo: a LiteLLM-shaped database with 40 days of homelab traffic");
			int status = RunCommand.runDays(context, out, false, yesterday);
			if (status == 0) {
				printWorkloads(out.resolve(
						"digest-" + yesterday.days(context.getBean(java.time.Clock.class),
								context.getBean(dev.spendaudit.SpendAuditSettings.class).zone()).get(0) + ".json"));
			}
			return status;
		}
	}

	private static void printWorkloads(Path json) {
		JsonNode digest = DaySummary.read(json);
		System.out.println();
		System.out.printf("%-26s %-14s %10s %9s %7s%n", "workload", "attribution", "usd", "requests", "failed");
		for (JsonNode w : digest.get("workloads")) {
			System.out.printf("%-26s %-14s %10s %,9d %,7d%n", w.get("workload").asString(),
					w.get("attribution").asString(), DaySummary.usd(w.get("usd").decimalValue()),
					w.get("requests").asLong(), w.get("failedRequests").asLong());
		}
		System.out.println();
		System.out.println("Digest JSON: " + json.toAbsolutePath());
	}

}
