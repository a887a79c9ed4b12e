package dev.spendaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.doctor.EnvFile;
import dev.spendaudit.doctor.EnvFilePropertySource;
import dev.spendaudit.settings.SettingsInForce;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings {@code doctor} checks, assembled by Spring Boot exactly as for a run (defaults, the
 * {@code --config} file, environment variables) plus the job's env file where the process environment would
 * have it. The context holds the settings records and the start-up check of every setting, nothing else: no
 * database is opened and nothing is migrated. When the check refuses the settings, its one line is kept and the
 * environment is loaded again without it, so every other check still runs.
 */
final class DoctorEnvironment {

	/** The name of the overrides {@code --demo} adds, as it shows in the settings' origins. */
	static final String DEMO_SOURCE = "doctor --demo";

	/** The settings records, checked as at start-up: no component of the job, no auto-configuration. */
	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("dev.spendaudit")
	@ComponentScan(basePackageClasses = SettingsInForce.class)
	static class Settings {

	}

	/** Nothing at all: the environment alone, for settings the check refused. */
	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	/**
	 * What was loaded.
	 *
	 * @param settings the settings in force; null when the start-up check refused them
	 * @param error the check's one line, or null
	 */
	record Loaded(ConfigurableEnvironment environment, SettingsInForce settings, String error) {
	}

	private DoctorEnvironment() {
	}

	/**
	 * @param envFile the job's env file, added just above the process environment; null for none
	 * @param overrides settings that beat everything ({@code --demo}'s database), empty for none
	 * @param profiles profiles to activate ({@code demo} for the demo's own settings)
	 */
	static Loaded load(Path configFile, EnvFile envFile, Map<String, Object> overrides, List<String> profiles) {
		try (ConfigurableApplicationContext context = start(Settings.class, configFile, envFile, overrides,
				profiles)) {
			return new Loaded(context.getEnvironment(), context.getBean(SettingsInForce.class), null);
		}
		catch (RuntimeException refused) {
			String error = CliErrors.describe(refused);
			try (ConfigurableApplicationContext context = start(Empty.class, configFile, envFile, overrides,
					profiles)) {
				return new Loaded(context.getEnvironment(), null, error);
			}
			catch (RuntimeException unreadable) {
				// the --config file itself does not load: say so, and check the rest without it
				try (ConfigurableApplicationContext context = start(Empty.class, null, envFile, overrides,
						profiles)) {
					return new Loaded(context.getEnvironment(), null, configFile + ": " + error);
				}
			}
		}
	}

	private static ConfigurableApplicationContext start(Class<?> configuration, Path configFile, EnvFile envFile,
			Map<String, Object> overrides, List<String> profiles) {
		List<String> args = new ArrayList<>();
		if (configFile != null) {
			args.add("--spring.config.additional-location=file:" + configFile.toAbsolutePath());
		}
		if (!profiles.isEmpty()) {
			args.add("--spring.profiles.active=" + String.join(",", profiles));
		}
		// the report is the output: no log lines in it (a failure is one of its lines)
		args.add("--logging.level.root=OFF");
		args.add("--logging.level.dev.spendaudit=OFF");
		args.add("--spring.main.banner-mode=off");
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.initializers(ctx -> {
				var sources = ctx.getEnvironment().getPropertySources();
				if (envFile != null) {
					sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							new EnvFilePropertySource(envFile));
				}
				if (!overrides.isEmpty()) {
					sources.addFirst(new MapPropertySource(DEMO_SOURCE, overrides));
				}
			})
			.run(args.toArray(String[]::new));
	}

}
