package dev.spendaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.doctor.EnvFile;
import dev.spendaudit.doctor.EnvFilePropertySource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings {@code doctor} checks, assembled by Spring Boot exactly as for a run (defaults, the
 * {@code --config} file, environment variables) plus the job's env file where the process environment would
 * have it, but in an empty application context: no database is opened and nothing is migrated.
 */
final class DoctorEnvironment {

	/** The name of the overrides {@code --demo} adds, as it shows in the settings' origins. */
	static final String DEMO_SOURCE = "doctor --demo";

	/** Nothing but the environment: no component scan, no auto-configuration. */
	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	private DoctorEnvironment() {
	}

	/**
	 * @param envFile the job's env file, added just above the process environment; null for none
	 * @param overrides settings that beat everything ({@code --demo}'s database), empty for none
	 * @param profiles profiles to activate ({@code demo} for the demo's own settings)
	 */
	static ConfigurableEnvironment load(Path configFile, EnvFile envFile, Map<String, Object> overrides,
			List<String> profiles) {
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
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
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
			.run(args.toArray(String[]::new))) {
			return context.getEnvironment();
		}
	}

}
