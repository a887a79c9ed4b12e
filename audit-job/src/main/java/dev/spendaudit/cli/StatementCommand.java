package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.delivery.StatementMail;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.statement.Period;
import dev.spendaudit.statement.Statements;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code statement --month 2026-11} (or {@code --week 2026-W48}): writes the period's statement from the store's
 * history, {@code statement-PERIOD.json}, {@code .html}, {@code .txt} and {@code .eml}; with {@code --send} mails
 * it too, unless it was mailed before (a period is never mailed twice).
 */
@Command(name = "statement", mixinStandardHelpOptions = true,
		description = { "Write a month's or an ISO week's statement from the store's history (no source scan):",
				"DIR/statement-PERIOD.json, .html, .txt and .eml: metered spend, flat-fee plans and total, per",
				"workload and model against the period before, the top movers, budgets, the plans' price per",
				"million tokens. --send also mails it, unless that period was already mailed (never twice)." })
class StatementCommand implements Callable<Integer> {

	static class Which {

		@Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "a calendar month, e.g. 2026-11")
		String month;

		@Option(names = "--week", paramLabel = "YYYY-Www", required = true, description = "an ISO week, e.g. 2026-W48")
		String week;

	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	Which which;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: spend-audit.out, ./out)")
	Path out;

	@Option(names = "--send", description = "also mail it to spend-audit.mail.to, unless it was mailed before")
	boolean send;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		Period period = period();
		try (ConfigurableApplicationContext context = StoreCommands.start(config.checked(), "statement")) {
			Path dir = out != null ? out : context.getBean(CoreSettings.class).out();
			DigestFiles.checkWritable(dir);
			Statements statements = context.getBean(Statements.class);
			Statements.Written written = statements.write(period, dir);
			PrintWriter writer = spec.commandLine().getOut();
			writer.println(period.label() + "  " + summary(written));
			written.files().forEach(f -> writer.println("  " + f));
			if (send) {
				StatementMail.Outcome outcome = statements.mailOnce(written);
				writer.println(period.label() + "  " + outcome.line());
			}
			writer.flush();
			return 0;
		}
	}

	private Period period() {
		try {
			return which.month != null ? Period.month(which.month) : Period.week(which.week);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					(which.month != null ? "--month " : "--week ") + ex.getMessage());
		}
	}

	private static String summary(Statements.Written written) {
		var s = written.statement();
		return dev.spendaudit.core.Quantities.usd(s.totalUsd()) + " total, "
				+ dev.spendaudit.core.Quantities.usd(s.meteredUsd()) + " metered, "
				+ dev.spendaudit.core.Quantities.usd(s.subscriptionsUsd()) + " flat fees"
				+ (s.note() == null ? "" : "; " + s.note());
	}

}
