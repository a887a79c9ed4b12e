package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.ExitCode;
import dev.spendaudit.core.ExitSettings;
import dev.spendaudit.core.Progress;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.digest.DigestSettings;
import dev.spendaudit.progress.ProgressMode;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.NightlyRun;
import dev.spendaudit.schedule.RunOutcome;
import dev.spendaudit.schedule.RunOptions;
import dev.spendaudit.schedule.ScheduleSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code run}: catches up (every day due since the last audited one), audits one day, or reruns a range, one day
 * at a time.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Audit the days no audit ran on yet, or one day (--date), or rerun a range (--from/--to).",
				"Without a date: every closed day since the last audited one, oldest first (at most"
						+ " spend-audit.schedule.catch-up-days before yesterday); yesterday already audited: nothing.",
				"Each day writes DIR/digest-YYYY-MM-DD.json, .html, .txt and .eml; rerunning a day replaces its results.",
				"One day's digest is mailed to spend-audit.mail.to, once: a rerun does not mail it again unless"
						+ " --resend. A catch-up mails only its newest day, whose digest lists the others.",
				"A range mails nothing unless --send, and then only its last day.",
				"On a terminal a progress bar shows day N of M, elapsed and time left; otherwise one line per day." })
class RunCommand implements Callable<Integer> {

	@Mixin
	DateOptions dates;

	@Mixin
	ConfigOption config;

	@Mixin
	QuietOption quiet;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: spend-audit.out, ./out)")
	Path out;

	@Option(names = "--no-send", description = "never send mail for this run")
	boolean noSend;

	@Option(names = "--send", description = "with --from/--to: mail the digest of the range's last day")
	boolean send;

	@Option(names = "--resend",
			description = "mail the digest even if it was already sent (with a range or a catch-up: the newest day's)")
	boolean resend;

	@Option(names = "--force", description = {"recompute a day even when the source no longer holds it (LiteLLM's"
			+ " retention deleted its rows): its stored figures are replaced by what is left, zeros; without it such a"
			+ " day keeps its stored figures"})
	boolean force;

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
		ProgressMode mode = quiet.mode();
		Map<String, String> overrides = QuietOption.logging(mode, Map.of());
		CommandHealth health = CommandHealth.begin(configFile, overrides, out, true, spec.commandLine().getErr());
		try (ConfigurableApplicationContext context = AuditContext.start(configFile, overrides)) {
			health.attach(context, out);
			return health.finish(runDays(context, out, mailLastDay, resend, force, dates, mode,
					spec.commandLine().getOut(), spec.commandLine().getErr()));
		}
		catch (RuntimeException ex) {
			throw health.failed(ex);
		}
	}

	/**
	 * Runs each day in order and stops at the first failure, saying which days were left: the catch-up when no
	 * date is given, else the date or range. Only the last day may be mailed ({@code mailLastDay}), and sent again
	 * if it already was ({@code resend}). The output folder is checked first, so a folder that cannot be written
	 * stops the run before any day (exit code 7).
	 */
	static RunOutcome runDays(ConfigurableApplicationContext context, Path out, boolean mailLastDay, boolean resend,
			boolean force, DateOptions dates, ProgressMode mode, PrintWriter stdout, PrintWriter stderr) {
		CoreSettings settings = context.getBean(CoreSettings.class);
		Path dir = out != null ? out : settings.out();
		DigestFiles.checkWritable(dir);
		NightlyRun nightly = context.getBean(NightlyRun.class);
		boolean catchUp = dates.isCatchUp();
		List<LocalDate> days = catchUp
				? nightly.dueDays(settings.zone(), context.getBean(ScheduleSettings.class).catchUpDays())
				: dates.days(context.getBean(Clock.class), settings.zone());
		if (days.isEmpty()) {
			LocalDate yesterday = dates.days(context.getBean(Clock.class), settings.zone()).get(0);
			stdout.println("spend-audit: " + yesterday + " is already audited; nothing to do (run --date " + yesterday
					+ " reruns it)");
			stdout.flush();
			return new RunOutcome(ExitCode.DONE, null);
		}
		DayPrinter printer = new DayPrinter(mode, stdout, System.err,
				context.getBean(DigestSettings.class).maxFindingsPerKind());
		context.getBean(Progress.class).listen(printer);
		List<DayResult> results;
		try {
			results = nightly.run(days, new RunOptions(dir, mailLastDay, resend, null).forced(force), catchUp, printer);
		}
		finally {
			printer.end();
		}
		DayResult last = results.stream().filter(r -> !r.succeeded()).findFirst()
			.orElse(results.get(results.size() - 1));
		if (!last.succeeded()) {
			stderr.println("spend-audit: error: " + last.date() + (last.partial() ? " partial: " : " failed: ")
					+ last.failure());
			if (results.size() < days.size()) {
				stderr.println("spend-audit: not audited: " + days.get(results.size()) + " .. " + days.get(days.size() - 1));
			}
			stderr.flush();
			return RunOutcome.of(results, false);
		}
		return RunOutcome.of(results, context.getBean(ExitSettings.class).exitOnAlert());
	}

}
