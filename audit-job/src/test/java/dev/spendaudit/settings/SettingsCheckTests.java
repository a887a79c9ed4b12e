package dev.spendaudit.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spendaudit.settings.SettingsInForce.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check over the job's own settings records, in a context that holds nothing else (no database): the
 * examples in {@code deploy/} declare only real settings, a misspelt or wrong one stops the start, and every
 * setting in force says where it came from.
 */
class SettingsCheckTests {

	static final Path DEPLOY = Path.of("..", "deploy");

	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("dev.spendaudit")
	@Import(SettingsConfiguration.class)
	static class SettingsOnly {

	}

	@TempDir
	Path dir;

	@Test
	void theExampleFileSetsOnlyRealSettingsAndEachSaysWhereItCameFrom() throws IOException {
		// installed as /etc/spend-audit/spend-audit.yml
		Path file = Files.copy(DEPLOY.resolve("spend-audit.yml.example"), dir.resolve("spend-audit.yml"));
		try (ConfigurableApplicationContext context = start("--spring.config.additional-location=file:" + file,
				"--spend-audit.source.url=jdbc:postgresql://127.0.0.1:1/litellm")) {
			List<Setting> inForce = context.getBean(SettingsInForce.class).inForce();
			assertThat(inForce).filteredOn(s -> s.name().equals("spend-audit.zone"))
				.singleElement()
				.satisfies(s -> {
					assertThat(s.value()).isEqualTo("Europe/Berlin");
					assertThat(s.origin()).contains("spend-audit.yml").contains("4:9");
				});
			assertThat(inForce).contains(new Setting("spend-audit.detection.window-days", "28", "default"),
					new Setting("spend-audit.source.url", "jdbc:postgresql://127.0.0.1:1/litellm", "command line"));
			assertThat(inForce).filteredOn(s -> s.name().startsWith("spend-audit.free-models"))
				.extracting(Setting::value)
				.containsExactly("ollama/*", "lmstudio/*");
			assertThat(inForce).extracting(Setting::name)
				.contains("spend-audit.out", "spend-audit.store.schema", "spend-audit.schedule.cron",
						"spend-audit.digest.top-workloads", "spend-audit.mail.retry-delay",
						"spend-audit.freshness.canary-key", "spend-audit.subscriptions", "spend-audit.retiring-keys",
						"spend-audit.planned[0].workload");
		}
	}

	@Test
	void everyVariableInTheExampleEnvironmentFileIsASetting() throws IOException {
		try (ConfigurableApplicationContext context = start()) {
			SettingsCatalog catalog = SettingsCatalog.of(SettingsCheck.records(context.getBeanFactory()));
			Matcher variables = Pattern.compile("\\b(SPEND_AUDIT_[A-Z0-9_]+)=")
				.matcher(Files.readString(DEPLOY.resolve("spend-audit.env.example")));
			int seen = 0;
			while (variables.find()) {
				assertThat(catalog.matchVariable(variables.group(1))).as(variables.group(1)).isNotNull();
				seen++;
			}
			assertThat(seen).isGreaterThanOrEqualTo(7);
		}
	}

	@Test
	void aMisspeltSettingStopsTheStart() {
		assertThatExceptionOfType(UnknownSettingException.class)
			.isThrownBy(() -> start("--spend-audit.digest.top-workload=3").close())
			.withMessage("unknown setting spend-audit.digest.top-workload (command line)");
	}

	@Test
	void aWrongValueStopsTheStartNamingItsPath() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> start("--spend-audit.digest.top-workloads=0").close())
			.satisfies(ex -> assertThat(ex.getName()).hasToString("spend-audit.digest"))
			.havingRootCause()
			.withMessageContaining("spend-audit.digest.top-workloads must be 1..200");
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
	}

}
