package dev.spendaudit.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.spendaudit.settings.SettingsInForce.Setting;
import dev.spendaudit.settings.SettingsTree.Bound;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every setting in force with its origin, and every name no record declares, over YAML files, the command line
 * and environment variables.
 */
class SettingsInForceTests {

	record Core(@DefaultValue("UTC") String zone, @DefaultValue("./out") String out) {
	}

	record Plans(List<Plan> subscriptions) {
	}

	record Plan(String name, String feeUsd) {
	}

	record Source(String url, String username) {
	}

	record Provider(String baseUrl, @EnvironmentOnly String adminKey) {
	}

	static final SettingsCatalog CATALOG = SettingsCatalog.of(List.of(new Bound("spend-audit", Core.class),
			new Bound("spend-audit", Plans.class), new Bound("spend-audit.source", Source.class)));

	static final SettingsCatalog WITH_A_KEY = SettingsCatalog.of(List.of(new Bound("spend-audit", Core.class),
			new Bound("spend-audit.provider", Provider.class)));

	@Test
	void aMisspeltKeyIsNamedWithItsFileAndLine() throws IOException {
		SettingsInForce settings = settings(yaml("""
				spend-audit:
				  zone: UTC
				  sorce:
				    url: jdbc:postgresql://db/litellm
				"""), Map.of(), Map.of());
		assertThat(settings.unknown()).singleElement().satisfies(s -> {
			assertThat(s.name()).isEqualTo("spend-audit.sorce.url");
			assertThat(s.origin()).contains("4:10");
		});
		assertThat(new UnknownSettingException(settings.unknown()).getMessage())
			.startsWith("unknown setting spend-audit.sorce.url (").endsWith("- 4:10)");
	}

	@Test
	void unknownEnvironmentVariablesAndCommandLineOverridesAreRefusedToo() throws IOException {
		SettingsInForce settings = settings(yaml("spend-audit:\n  zone: UTC\n"),
				Map.of("spend-audit.ozne", "UTC", "spring.main.banner-mode", "off"),
				Map.of("SPEND_AUDIT_SORCE_URL", "x", "SPEND_AUDIT_SOURCE_URL", "y", "HOME", "/root"));
		assertThat(settings.unknown()).extracting(Setting::name, Setting::origin)
			.containsExactlyInAnyOrder(tuple("spend-audit.ozne", "command line"),
					tuple("SPEND_AUDIT_SORCE_URL", "environment variable"));
	}

	@Test
	void eachSettingInForceSaysWhereItCameFrom() throws IOException {
		SettingsInForce settings = settings(yaml("""
				spend-audit:
				  zone: Europe/Berlin
				  subscriptions:
				    - name: glm
				      fee-usd: 30
				"""), Map.of("spend-audit.source.username", "audit"),
				Map.of("SPEND_AUDIT_SOURCE_URL", "jdbc:postgresql://db/litellm", "SPEND_AUDIT_ZONE", "UTC"));
		assertThat(settings.unknown()).isEmpty();
		List<Setting> inForce = settings.inForce();
		assertThat(inForce).extracting(Setting::name)
			.containsExactly("spend-audit.zone", "spend-audit.out", "spend-audit.subscriptions[0].name",
					"spend-audit.subscriptions[0].fee-usd", "spend-audit.source.url", "spend-audit.source.username");
		assertThat(inForce.get(0)).as("the environment beats the file")
			.isEqualTo(new Setting("spend-audit.zone", "UTC", "environment variable SPEND_AUDIT_ZONE"));
		assertThat(inForce.get(1)).isEqualTo(new Setting("spend-audit.out", "./out", "default"));
		assertThat(inForce.get(3).value()).isEqualTo("30");
		assertThat(inForce.get(3).origin()).contains("5:16");
		assertThat(inForce.get(5)).isEqualTo(new Setting("spend-audit.source.username", "audit", "command line"));
	}

	@Test
	void aListComesWholeFromTheSourceThatWeighsMost() throws IOException {
		SettingsInForce settings = settings(yaml("""
				spend-audit:
				  subscriptions:
				    - name: from-the-file
				    - name: also-from-the-file
				"""), Map.of("spend-audit.subscriptions[0].name", "from-the-command-line"), Map.of());
		assertThat(settings.inForce()).filteredOn(s -> s.name().startsWith("spend-audit.subscriptions"))
			.extracting(Setting::value)
			.containsExactly("from-the-command-line");
	}

	@Test
	void anEnvironmentOnlySettingFromAnywhereButTheEnvironmentIsNamedWithItsOrigin() throws IOException {
		SettingsInForce fromTheFile = settings(yaml("""
				spend-audit:
				  provider:
				    base-url: https://api.example.org
				    admin-key: in-the-file
				"""), Map.of(), Map.of("SPEND_AUDIT_PROVIDER_ADMIN_KEY", "from-the-environment"), WITH_A_KEY);
		assertThat(fromTheFile.unknown()).isEmpty();
		// even where the environment overrides it: the key still sits in the file
		assertThat(fromTheFile.outsideTheEnvironment()).singleElement().satisfies(s -> {
			assertThat(s.name()).isEqualTo("spend-audit.provider.admin-key");
			assertThat(s.origin()).contains("settings.yml").endsWith("- 4:16");
		});
		assertThat(settings(yaml("spend-audit:\n  zone: UTC\n"), Map.of("spend-audit.provider.admin-key", "x"),
				Map.of(), WITH_A_KEY)
			.outsideTheEnvironment()).extracting(Setting::origin).containsExactly("command line");
		assertThat(settings(yaml("spend-audit:\n  zone: UTC\n"), Map.of("spend-audit.provider.base-url", "x"),
				Map.of("SPEND_AUDIT_PROVIDER_ADMIN_KEY", "from-the-environment"), WITH_A_KEY)
			.outsideTheEnvironment()).isEmpty();
	}

	/** Highest precedence first, as Spring Boot orders them: command line, environment, the file. */
	private static SettingsInForce settings(MapPropertySource file, Map<String, Object> commandLine,
			Map<String, Object> variables) {
		return settings(file, commandLine, variables, CATALOG);
	}

	private static SettingsInForce settings(MapPropertySource file, Map<String, Object> commandLine,
			Map<String, Object> variables, SettingsCatalog catalog) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource("commandLineArgs", commandLine));
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		environment.getPropertySources().addLast(file);
		return new SettingsInForce(environment, catalog);
	}

	private static MapPropertySource yaml(String text) throws IOException {
		return (MapPropertySource) new YamlPropertySourceLoader()
			.load("settings.yml", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "settings.yml"))
			.get(0);
	}

}
