package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.ExitCode;
import dev.spendaudit.delivery.DigestDelivery;
import dev.spendaudit.health.HealthSettings;
import dev.spendaudit.health.RunHealth;
import dev.spendaudit.schedule.RunOutcome;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The health signals of one command that audits ({@code run}, {@code resend}, and {@code demo} when configured):
 * the heartbeat's start before anything else, its outcome and the textfile at the end. The health settings are
 * read on their own, before the application context, so that a run whose database is down or whose settings are
 * wrong still pings {@code /fail} and writes the textfile.
 */
final class CommandHealth {

	private final RunHealth health;

	private Path outDir;

	private Function<LocalDate, Boolean> digestSent = date -> null;

	private CommandHealth(RunHealth health, Path outDir) {
		this.health = health;
		this.outDir = outDir;
	}

	/**
	 * Reads {@code spend-audit.health.*} and {@code spend-audit.out} the way the context will, and pings the start
	 * ({@code pingStart}: not for {@code schedule}, whose nights ping their own).
	 */
	static CommandHealth begin(Path configFile, Map<String, String> overrides, Path outOption, boolean pingStart,
			PrintWriter err) {
		ConfigurableEnvironment environment = AuditContext.environment(configFile, overrides);
		Binder binder = Binder.get(environment);
		HealthSettings settings = binder.bindOrCreate("spend-audit.health", Bindable.of(HealthSettings.class));
		Path out = outOption != null ? outOption
				: binder.bind("spend-audit.out", Path.class).orElse(Path.of("./out"));
		RunHealth health = pingStart ? RunHealth.begin(settings, Clock.systemUTC(), warning(err))
				: RunHealth.withoutStart(settings, Clock.systemUTC(), warning(err));
		return new CommandHealth(health, out);
	}

	/** The context is up: the digest record can be asked, and the output folder is the one it uses. */
	void attach(ConfigurableApplicationContext context, Path outOption) {
		if (outOption == null) {
			outDir = context.getBean(CoreSettings.class).out();
		}
		DigestDelivery delivery = context.getBean(DigestDelivery.class);
		digestSent = delivery::mailed;
	}

	/** The command ended with {@code outcome}: signals it, and returns its exit code. */
	int finish(RunOutcome outcome) {
		health.finish(outcome.exit(), outcome.cause(), outDir, digestSent);
		return outcome.exit().code();
	}

	/** The command failed with {@code failure}: signals it, and returns the failure to rethrow. */
	RuntimeException failed(RuntimeException failure) {
		ExitCode exit = CliErrors.exitCode(failure);
		health.finish(exit, CliErrors.describe(failure), outDir, digestSent);
		return failure;
	}

	private static Consumer<String> warning(PrintWriter err) {
		return line -> {
			err.println("spend-audit: warning: " + line);
			err.flush();
		};
	}

}
