package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.ExitSettings;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.digest.DigestSettings;
import dev.spendaudit.schedule.AuditLauncher;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOutcome;
import dev.spendaudit.schedule.RunOptions;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code run}: audits one day (default yesterday) or reruns a range, one day at a time.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Audit one day (default: yesterday in spend-audit.zone) or rerun a range of days.",
				"Each day writes DIR/digest-YYYY-MM-DD.json, .html, .txt and .eml; rerunning a day replaces its results.",
				"One day's digest is mailed to spend-audit.mail.to, once: a rerun does not mail it again unless"
						+ " --resend. A range mails nothing unless --send, and then only its last day." })
class RunCommand implements Callable<Integer> {

	@Mixin
	DateOptions dates;

	@Mixin
	ConfigOption config;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: spend-audit.out, ./out)")
	Path out;

	@Option(names = "--no-send", description = "never send mail for this run")
	boolean noSend;

	@Option(names = "--send", description = "with --from/--to: mail the digest of the range's last day")
	boolean send;

	@Option(names = "--resend",
			description = "mail the digest even if it was already sent (with a range: the last day's)")
	boolean resend;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		dates.validate();
		if (noSend && (send || resend)) {
			throw new ParameterException(spec.commandLine(),
					"--no-send cannot be combined with " + (send ? "--send" : "--resend"));
		}
		Path configFile = config.checked();
		// one day mails by default; a range only with --send (or --resend), and only its last day
		boolean mailLastDay = !noSend && (!dates.isRange() || send || resend);
		CommandHealth health = CommandHealth.begin(configFile, Map.of(), out, true, spec.commandLine().getErr());
		try (ConfigurableApplicationContext context = AuditContext.start(configFile, Map.of())) {
			health.attach(context, out);
			return health.finish(runDays(context, out, mailLastDay, resend, dates, spec.commandLine().getOut(),
					spec.commandLine().getErr()));
		}
		catch (RuntimeException ex) {
			throw health.failed(ex);
		}
	}

	/**
	 * Runs each day in order and stops at the first failure, saying which days were left. Only the last day may
	 * be mailed ({@code mailLastDay}), and sent again if it already was ({@code resend}). The output folder is
	 * checked first, so a folder that cannot be written stops the run before any day (exit code 7).
	 */
	static RunOutcome runDays(ConfigurableApplicationContext context, Path out, boolean mailLastDay, boolean resend,
			DateOptions dates, PrintWriter stdout, PrintWriter stderr) {
		CoreSettings settings = context.getBean(CoreSettings.class);
		List<LocalDate> days = dates.days(context.getBean(Clock.class), settings.zone());
		Path dir = out != null ? out : settings.out();
		DigestFiles.checkWritable(dir);
		AuditLauncher launcher = context.getBean(AuditLauncher.class);
		List<DayResult> results = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			boolean last = i == days.size() - 1;
			RunOptions options = new RunOptions(dir, last && mailLastDay, last && resend, null);
			DayResult result = launcher.run(days.get(i), options);
			results.add(result);
			if (!result.succeeded()) {
				stderr.println("spend-audit: error: " + result.date() + " failed: " + result.failure());
				if (i + 1 < days.size()) {
					stderr.println("spend-audit: not audited: " + days.get(i + 1) + " .. " + days.get(days.size() - 1));
				}
				stderr.flush();
				return RunOutcome.of(results, false);
			}
			stdout.println(DaySummary.line(result.digestJson()));
			DaySummary.printFindings(result.digestJson(), context.getBean(DigestSettings.class).maxFindingsPerKind(), stdout);
			stdout.flush();
		}
		return RunOutcome.of(results, context.getBean(ExitSettings.class).exitOnAlert());
	}

}
