package dev.spendaudit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Boots the application context for a command: defaults, then the {@code --config} file, then environment
 * variables (Spring Boot's usual order), then the command's own overrides.
 */
final class AuditContext {

	/**
	 * The {@code @SpringBootApplication} the commands boot, handed in by the composition root through
	 * {@link SpendAuditCommand#commandLine(Class)}: the root imports the CLI, never the other way round.
	 */
	private static volatile Class<?> application;

	private AuditContext() {
	}

	static void boot(Class<?> applicationClass) {
		application = applicationClass;
	}

	static ConfigurableApplicationContext start(Path configFile, Map<String, String> overrides) {
		return start(configFile, overrides, null);
	}

	/**
	 * The same, with {@code clock} as the context's clock instead of the system's (null: the system's). Code, not a
	 * setting: only {@code demo} plays another moment than now.
	 */
	static ConfigurableApplicationContext start(Path configFile, Map<String, String> overrides, Clock clock) {
		if (application == null) {
			throw new IllegalStateException("no application to boot: build the command line with its class");
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.logStartupInfo(false);
		if (clock != null) {
			// registered before the bean definitions load, so DatabaseConfiguration's system clock stands back
			builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock));
		}
		return builder.run(args(configFile, overrides));
	}

	/**
	 * The same settings, in the same order, without starting anything: for what must work even when the context
	 * cannot start (the health signals of a run whose database is down).
	 */
	static ConfigurableEnvironment environment(Path configFile, Map<String, String> overrides) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args(configFile, overrides)));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		return environment;
	}

	private static String[] args(Path configFile, Map<String, String> overrides) {
		List<String> args = new ArrayList<>();
		if (configFile != null) {
			args.add("--spring.config.additional-location=file:" + configFile.toAbsolutePath());
		}
		// command overrides (demo forcing the embedded database) beat files and the environment
		overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
		return args.toArray(String[]::new);
	}

}
