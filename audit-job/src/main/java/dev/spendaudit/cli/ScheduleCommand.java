package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.progress.ProgressMode;
import dev.spendaudit.schedule.AuditLauncher;
import dev.spendaudit.schedule.ScheduleSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedule}: stays up and audits every night in-process (Quartz), for hosts without systemd or cron. SIGTERM
 * (or Ctrl-C) stops it cleanly: the running day stops at its next step and is restarted by the next start, and the
 * process exits 0.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Stay running and audit every night in-process (Quartz), catching up missed days.",
				"Cron and zone come from spend-audit.schedule.cron (default '0 15 6 * * ?') and spend-audit.zone.",
				"Each fire audits the days due as 'run' without a date does: a fire that finds yesterday audited"
						+ " does nothing.",
				"Stop with SIGTERM (or Ctrl-C): a running day stops at its next step and the next start restarts it;"
						+ " the exit status is 0." })
class ScheduleCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Mixin
	QuietOption quiet;

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: spend-audit.out, ./out)")
	Path out;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		Path configFile = config.checked();
		ProgressMode mode = quiet.mode();
		Map<String, String> overrides = new LinkedHashMap<>();
		overrides.put("spring.quartz.auto-startup", "true");
		if (out != null) {
			// the nights read the folder from spend-audit.out, as a run does
			overrides.put("spend-audit.out", out.toString());
		}
		overrides = QuietOption.logging(mode, overrides);
		// each night pings and writes the textfile itself; here only a schedule that cannot start at all is reported
		CommandHealth health = CommandHealth.begin(configFile, overrides, out, false, spec.commandLine().getErr());
		// before the context starts, so a signal during start-up is a clean stop too
		StopSignal signal = StopSignal.install();
		ConfigurableApplicationContext context;
		try {
			if (out != null) {
				DigestFiles.checkWritable(out);
			}
			context = AuditContext.start(configFile, overrides);
		}
		catch (RuntimeException ex) {
			throw health.failed(ex);
		}
		PrintWriter stdout = spec.commandLine().getOut();
		try (context) {
			CoreSettings settings = context.getBean(CoreSettings.class);
			if (mode != ProgressMode.QUIET) {
				stdout.println("spend-audit: scheduled '" + context.getBean(ScheduleSettings.class).cron() + "' in "
						+ settings.zone() + "; writing to " + settings.out() + " (SIGTERM or Ctrl-C to stop)");
				stdout.flush();
			}
			String received = signal.await();
			context.getBean(AuditLauncher.class).stop();
			stdout.println("spend-audit: " + received + ": stopping; a day being audited stops at its next step"
					+ " and the next start restarts it");
			stdout.flush();
			// closing stops Quartz, which waits for the night to end (spring.quartz.wait-for-jobs-to-complete...)
		}
		stdout.println("spend-audit: stopped");
		stdout.flush();
		return 0;
	}

}
