package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.SettingsException;
import dev.spendaudit.reconcile.ProviderDay;
import dev.spendaudit.reconcile.ReconcileReport;
import dev.spendaudit.reconcile.ReconcileSettings;
import dev.spendaudit.reconcile.Reconciliation;
import dev.spendaudit.reconcile.UnreadableFile;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reconcile}: reads the inbox's new bills and prints, per provider and UTC day, billed against logged, as the
 * digest's {@code reconcile} section does (JSON: {@code schema/reconcile.schema.json}). It remembers nothing about
 * which days were pending: that is the nightly run's.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = { "Read the bills in spend-audit.reconcile.inbox and print, per provider and UTC day,",
				"what the provider billed against what LiteLLM logged: capture rate, gap, the billed",
				"requests the log lacks or priced differently, and the price per million tokens.",
				"Days are UTC days; a day no bill covers yet is PENDING, never a gap." })
class ReconcileCommand implements Callable<Integer> {

	static final List<String> FORMATS = List.of("table", "json", "csv");

	@Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = DateOptions.IsoDate.class,
			description = "first UTC day (default: spend-audit.reconcile.window-days UTC days to yesterday)")
	LocalDate from;

	@Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = DateOptions.IsoDate.class,
			description = "last UTC day, inclusive")
	LocalDate to;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, json or csv (default: ${DEFAULT-VALUE})")
	String format;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		OptionChecks.format(spec, format, FORMATS);
		if ((from == null) != (to == null)) {
			throw new CommandLine.ParameterException(spec.commandLine(), from == null ? "--to needs --from"
					: "--from needs --to");
		}
		if (from != null && from.isAfter(to)) {
			throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
		}
		if (from != null && from.plusDays(366).isBefore(to)) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--from " + from + " --to " + to + " spans more than a year of UTC days");
		}
		try (ConfigurableApplicationContext context = AuditContext.start(config.checked(),
				Map.of("logging.level.root", "OFF", "logging.level.dev.spendaudit", "OFF", "logging.level.io.zonky",
						"OFF"))) {
			ReconcileSettings settings = context.getBean(ReconcileSettings.class);
			if (!settings.enabled()) {
				throw new SettingsException("spend-audit.reconcile.inbox is not set: reconcile needs the folder the "
						+ "providers' bills are downloaded into");
			}
			LocalDate last = to != null ? to
					: LocalDate.now(context.getBean(Clock.class).withZone(ZoneOffset.UTC)).minusDays(1);
			LocalDate first = from != null ? from : last.minusDays(settings.windowDays() - 1L);
			ReconcileReport report = context.getBean(Reconciliation.class).range(first, last);
			PrintWriter out = spec.commandLine().getOut();
			switch (format) {
				case "json" -> out.println(JsonMapper.builder()
					.enable(SerializationFeature.INDENT_OUTPUT)
					.build()
					.writeValueAsString(report));
				case "csv" -> csv(report, out);
				default -> table(report, out);
			}
			out.flush();
			return 0;
		}
	}

	private static void table(ReconcileReport report, PrintWriter out) {
		out.printf("Billed against logged, UTC days %s to %s (%d bill files, %d read now)%n%n", report.from(),
				report.to(), report.files(), report.filesRead());
		out.printf("%-14s %-10s %-10s %10s %10s %8s %10s %8s %9s%n", "PROVIDER", "UTC DAY", "STATUS", "BILLED",
				"LOGGED", "CAPTURE", "GAP", "MISSING", "MISPRICED");
		for (ProviderDay p : report.providers()) {
			out.printf("%-14s %-10s %-10s %10s %10s %8s %10s %8s %9s%n", p.provider(), p.date(), p.status(),
					usd(p.billedUsd()), Quantities.usd(p.loggedUsd()),
					p.captureRate() == null ? "–" : Quantities.percent(p.captureRate()), usd(p.gapUsd()),
					Quantities.count(p.missingCount()), Quantities.count(p.mispricedCount()));
			if (p.pendingReason() != null) {
				out.printf("    pending: %s%n", p.pendingReason());
			}
			for (ProviderDay.Missing m : p.missing()) {
				out.printf("    missing   %s %s %s%n", m.requestId(), Quantities.usd(m.usd()), m.model());
			}
			for (ProviderDay.Mispriced m : p.mispriced()) {
				out.printf("    mispriced %s logged %s, billed %s %s%n", m.requestId(), Quantities.usd(m.loggedUsd()),
						Quantities.usd(m.billedUsd()), m.model());
			}
		}
		if (report.providers().isEmpty()) {
			out.println("No bill in the inbox covers these UTC days.");
		}
		for (UnreadableFile u : report.unreadable()) {
			out.printf("%nCannot read %s (nothing of it is used)%n", u.error());
		}
		for (String failed : report.fetchFailed()) {
			out.printf("%nFetch failed: %s (the bills already in the inbox are used)%n", failed);
		}
	}

	private static void csv(ReconcileReport report, PrintWriter out) {
		out.println("provider,date,status,billed_usd,byok_usd,logged_usd,capture_rate,gap_usd,missing_count,"
				+ "mispriced_count,pending_reason");
		for (ProviderDay p : report.providers()) {
			out.println(String.join(",", List.of(KeysCommand.csvCell(p.provider()), p.date(), p.status(),
					plain(p.billedUsd()), plain(p.byokUsd()), plain(p.loggedUsd()), plain(p.captureRate()),
					plain(p.gapUsd()), String.valueOf(p.missingCount()), String.valueOf(p.mispricedCount()),
					KeysCommand.csvCell(p.pendingReason() == null ? "" : p.pendingReason()))));
		}
	}

	private static String usd(BigDecimal usd) {
		return usd == null ? "–" : Quantities.usd(usd);
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

}
