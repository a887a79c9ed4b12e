package dev.spendaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Boots the application context for a command: defaults, then the {@code --config} file, then environment
 * variables (Spring Boot's usual order), then the command's own overrides.
 */
final class AuditContext {

	private AuditContext() {
	}

	/** Boots the application of {@code command}'s command line. */
	static ConfigurableApplicationContext start(CommandSpec command, Path configFile, Map<String, String> overrides) {
		List<String> args = new ArrayList<>();
		if (configFile != null) {
			args.add("--spring.config.additional-location=file:" + configFile.toAbsolutePath());
		}
		// command overrides (demo forcing the embedded database) beat files and the environment
		overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(SpendAuditCommand.application(command)).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

}
