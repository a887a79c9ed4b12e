package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.schedule.ScheduleSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code schedule}: stays up and audits every night in-process (Quartz), for hosts without systemd or cron.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Stay running and audit every night in-process (Quartz), catching up missed days.",
				"Cron and zone come from spend-audit.schedule.cron (default '0 15 6 * * ?') and spend-audit.zone.",
				"Stop with SIGTERM (Ctrl-C); a running audit finishes first." })
class ScheduleCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		CountDownLatch stopped = new CountDownLatch(1);
		Path configFile = config.checked();
		Map<String, String> quartz = Map.of("spring.quartz.auto-startup", "true");
		// each night pings and writes the textfile itself; here only a schedule that cannot start at all is reported
		CommandHealth health = CommandHealth.begin(configFile, quartz, null, false, spec.commandLine().getErr());
		ConfigurableApplicationContext context;
		try {
			context = AuditContext.start(configFile, quartz);
		}
		catch (RuntimeException ex) {
			throw health.failed(ex);
		}
		try (context) {
			CoreSettings settings = context.getBean(CoreSettings.class);
			PrintWriter out = spec.commandLine().getOut();
			out.println("spend-audit: scheduled '" + context.getBean(ScheduleSettings.class).cron() + "' in "
					+ settings.zone() + "; writing to " + settings.out() + " (Ctrl-C to stop)");
			out.flush();
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			stopped.await();
		}
		return 0;
	}

}
