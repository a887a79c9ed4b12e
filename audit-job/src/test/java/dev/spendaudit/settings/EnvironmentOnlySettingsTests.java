package dev.spendaudit.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.spendaudit.reconcile.ReconcileSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The providers' admin keys are read from the environment only: one in a configuration file (or on the command
 * line) stops the start, naming the setting, the file and line and the variable to use, never the key.
 */
class EnvironmentOnlySettingsTests {

	static final String KEY = "sk-admin-Yaml-5e1b7c9d3f";

	@TempDir
	Path dir;

	@Test
	void aKeyInYamlIsRefusedNamingTheFileLineAndVariable() throws IOException {
		Path file = Files.writeString(dir.resolve("spend-audit.yml"), """
				spend-audit:
				  reconcile:
				    openai:
				      admin-key: %s
				""".formatted(KEY));
		assertThatExceptionOfType(EnvironmentOnlySettingException.class)
			.isThrownBy(() -> start(Map.of(), "--spring.config.additional-location=file:" + file).close())
			.withMessage("spend-audit.reconcile.openai.admin-key is set in " + file
					+ ":4, but it is read from the environment only: set SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY instead")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(KEY));
	}

	@Test
	void aKeyOnTheCommandLineIsRefusedToo() {
		assertThatExceptionOfType(EnvironmentOnlySettingException.class)
			.isThrownBy(() -> start(Map.of(), "--spend-audit.reconcile.openrouter.management-key=" + KEY).close())
			.withMessageContaining("spend-audit.reconcile.openrouter.management-key is set in command line")
			.withMessageContaining("SPEND_AUDIT_RECONCILE_OPENROUTER_MANAGEMENT_KEY")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(KEY));
	}

	@Test
	void aKeyFromTheEnvironmentIsBound() {
		try (ConfigurableApplicationContext context = start(
				Map.of("SPEND_AUDIT_RECONCILE_ANTHROPIC_ADMIN_KEY", KEY, "SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY", KEY))) {
			ReconcileSettings settings = context.getBean(ReconcileSettings.class);
			assertThat(settings.anthropic().adminKey()).isEqualTo(KEY);
			assertThat(settings.openai().adminKey()).isEqualTo(KEY);
			assertThat(settings.openrouter().managementKey()).isNull();
		}
	}

	@Test
	void theVariableOfASettingIsItsNameInUpperCaseWithUnderscores() {
		assertThat(EnvironmentOnlySettingException.variable("spend-audit.reconcile.openai.admin-key"))
			.isEqualTo("SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY");
		assertThat(EnvironmentOnlySettingException.plain("URL [file:/etc/spend-audit/spend-audit.yml] - 12:18"))
			.isEqualTo("/etc/spend-audit/spend-audit.yml:12");
	}

	private static ConfigurableApplicationContext start(Map<String, Object> environment, String... args) {
		return new SpringApplicationBuilder(SettingsCheckTests.SettingsOnly.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.initializers(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
			.run(args);
	}

}
