package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DisplayText;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.status.DayStatus;
import dev.spendaudit.status.OpenFinding;
import dev.spendaudit.status.StatusReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status}: what happened on the last nights, from the store alone, without opening a mail client. A
 * terminal table, or JSON ({@code schema/status.schema.json}); {@code --findings} adds the findings still open.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "The last N audited days from the store, one line each: status, metered and total",
				"spend, findings by severity, the spend log's freshness, whether and when the digest was",
				"mailed (SENT / FAILED / not sent) and how long the run took. --findings also lists the",
				"findings still open (not RESOLVED) with the ids 'ack' takes." })
class StatusCommand implements Callable<Integer> {

	static final List<String> FORMATS = List.of("table", "json");

	@Option(names = "--days", paramLabel = "N", defaultValue = "7",
			description = "how many audited days to show, newest first (default: ${DEFAULT-VALUE})")
	int days;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table or json (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--findings", description = "also list the findings still open, with their ids")
	boolean findings;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		OptionChecks.days(spec, days);
		OptionChecks.format(spec, format, FORMATS);
		try (ConfigurableApplicationContext context = StoreCommands.start(config.checked(), "status")) {
			StatusReport report = context.getBean(StatusReport.class);
			List<DayStatus> rows = report.days(days);
			List<OpenFinding> open = findings ? report.openFindings() : null;
			ZoneId zone = context.getBean(CoreSettings.class).zone();
			PrintWriter out = spec.commandLine().getOut();
			if ("json".equals(format)) {
				Map<String, Object> document = new LinkedHashMap<>();
				document.put("zone", zone.getId());
				document.put("days", rows);
				if (open != null) {
					document.put("openFindings", open);
				}
				out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
					.writeValueAsString(document));
			}
			else {
				table(rows, zone, out);
				if (open != null) {
					openFindings(open, out);
				}
			}
			out.flush();
			return 0;
		}
	}

	private static void table(List<DayStatus> rows, ZoneId zone, PrintWriter out) {
		if (rows.isEmpty()) {
			out.println("No audited day in the store yet: 'spend-audit run' audits yesterday.");
			return;
		}
		String line = "%-10s  %-6s %10s %10s  %5s %5s %5s %4s  %-11s %-8s %-16s %8s%n";
		out.printf(line, "DATE", "STATUS", "METERED", "TOTAL", "ALERT", "WATCH", "INFO", "ACK", "FRESHNESS", "MAIL",
				"MAILED (" + Quantities.zoneName(zone) + ")", "RUN");
		for (DayStatus d : rows) {
			DayStatus.FindingCounts f = d.findings();
			out.printf(line, d.date(), d.status(), Quantities.usd(d.meteredUsd()), Quantities.usd(d.totalUsd()),
					Quantities.count(f.alert()), Quantities.count(f.watch()), Quantities.count(f.info()),
					Quantities.count(f.acknowledged()), d.freshness() == null ? "-" : d.freshness(),
					DayStatus.NOT_SENT.equals(d.mail()) ? "not sent" : "HELD".equals(d.mail()) ? "held" : d.mail(),
					d.mailedAt() == null ? "-" : Quantities.time(UtcTimes.parse(d.mailedAt()), zone),
					d.durationSeconds() == null ? "-"
							: Quantities.elapsed(Duration.ofMillis(d.durationSeconds().movePointRight(3).longValue())));
		}
	}

	private static void openFindings(List<OpenFinding> open, PrintWriter out) {
		out.println();
		if (open.isEmpty()) {
			out.println("No open findings.");
			return;
		}
		out.printf("Open findings on %s (%s); 'spend-audit ack ID' quiets one:%n", open.get(0).lastSeen(),
				Quantities.count(open.size()));
		for (OpenFinding f : open) {
			out.printf("  %-14s [%s] %s · %s · %s since %s%s%n      %s%n", f.id(), f.severity(), f.kind(),
					DisplayText.name(f.subject()), f.state(), f.since() == null ? "-" : f.since(),
					f.acknowledged() == null ? "" : " · " + f.acknowledged().mark(),
					DisplayText.clean(f.reason()));
		}
	}

}
