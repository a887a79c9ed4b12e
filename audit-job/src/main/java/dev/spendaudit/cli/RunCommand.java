package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.SpendAuditSettings;
import dev.spendaudit.schedule.AuditLauncher;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: audits one day (default yesterday) or reruns a range, one day at a time.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Audit one day (default: yesterday in spend-audit.zone) or rerun a range of days.",
				"Each day writes DIR/digest-YYYY-MM-DD.json; rerunning a day replaces its results." })
class RunCommand implements Callable<Integer> {

	@Mixin
	DateOptions dates;

	@Mixin
	ConfigOption config;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: spend-audit.out, ./out)")
	Path out;

	@Option(names = "--no-send", description = "never send mail for this run")
	boolean noSend;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		dates.validate();
		Path configFile = config.checked();
		try (ConfigurableApplicationContext context = AuditContext.start(configFile, Map.of())) {
			return runDays(context, out, !noSend && !dates.isRange(), dates, spec.commandLine().getOut(),
					spec.commandLine().getErr());
		}
	}

	/** Runs each day in order and stops at the first failure, saying which days were left. */
	static int runDays(ConfigurableApplicationContext context, Path out, boolean send, DateOptions dates,
			PrintWriter stdout, PrintWriter stderr) {
		SpendAuditSettings settings = context.getBean(SpendAuditSettings.class);
		List<LocalDate> days = dates.days(context.getBean(Clock.class), settings.zone());
		RunOptions options = new RunOptions(out != null ? out : settings.out(), send, false, null);
		AuditLauncher launcher = context.getBean(AuditLauncher.class);
		for (int i = 0; i < days.size(); i++) {
			DayResult result = launcher.run(days.get(i), options);
			if (!result.succeeded()) {
				stderr.println("spend-audit: error: " + result.date() + " failed: " + result.failure());
				if (i + 1 < days.size()) {
					stderr.println("spend-audit: not audited: " + days.get(i + 1) + " .. " + days.get(days.size() - 1));
				}
				stderr.flush();
				return SpendAuditCommand.FAILED;
			}
			stdout.println(DaySummary.line(result.digestJson()));
			stdout.flush();
		}
		return 0;
	}

}
