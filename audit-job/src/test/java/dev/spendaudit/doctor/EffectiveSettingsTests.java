package dev.spendaudit.doctor;

import java.util.List;
import java.util.Map;

import dev.spendaudit.settings.SettingsInForce;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveSettingsTests {

	final Secrets secrets = new Secrets();

	@Test
	void originsReadTheWayAnOperatorLooksForThem() {
		EnvFile env = EnvFile.parse("/etc/spend-audit/spend-audit.env", "A=1\nSPEND_AUDIT_SOURCE_URL=x\n");
		assertThat(EffectiveSettings.origin("class path resource [application.yml] - 4:9", env))
			.isEqualTo("default (application.yml:4)");
		// inside the jar, Spring Boot names the jar too
		assertThat(EffectiveSettings.origin("class path resource [application.yml] from spend-audit.jar - 30:5", env))
			.isEqualTo("default (application.yml:30)");
		assertThat(EffectiveSettings.origin("class path resource [application-demo.yml] - 5:17", env))
			.isEqualTo("built-in profile (application-demo.yml:5)");
		assertThat(EffectiveSettings.origin("URL [file:/etc/spend-audit/spend-audit.yml] - 3:10", env))
			.isEqualTo("/etc/spend-audit/spend-audit.yml:3");
		assertThat(EffectiveSettings.origin("environment variable SPEND_AUDIT_SOURCE_URL", env))
			.isEqualTo("env file /etc/spend-audit/spend-audit.env:2 (SPEND_AUDIT_SOURCE_URL)");
		assertThat(EffectiveSettings.origin("environment variable SPEND_AUDIT_ZONE", env))
			.isEqualTo("environment variable SPEND_AUDIT_ZONE");
		assertThat(EffectiveSettings.origin("default", null)).isEqualTo("default");
	}

	@Test
	void secretsAreMaskedAndMailSettingsAreListedToo() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.mail.host", "smtp.x",
				"spring.mail.password", "mail-secret-0917")));
		List<Setting> settings = EffectiveSettings.of(List.of(
				new SettingsInForce.Setting("spend-audit.source.password", "db-secret-4406", "command line"),
				new SettingsInForce.Setting("spend-audit.source.url",
						"jdbc:postgresql://h/db?password=url-secret-1", "command line"),
				new SettingsInForce.Setting("spend-audit.freshness.canary-key", null, "default")), environment, null,
				secrets);
		assertThat(settings).extracting(Setting::name).containsExactly("spend-audit.source.password",
				"spend-audit.source.url", "spend-audit.freshness.canary-key", "spring.mail.host",
				"spring.mail.password");
		assertThat(settings.get(0).value()).isEqualTo(secrets.mask("db-secret-4406"));
		assertThat(settings.get(1).value()).isEqualTo("jdbc:postgresql://h/db?password=" + secrets.mask("url-secret-1"));
		assertThat(settings.get(2).value()).isEqualTo("(none)");
		assertThat(settings.get(4).value()).isEqualTo(secrets.mask("mail-secret-0917"));
		assertThat(settings.get(4).origin()).isEqualTo("test");
	}

	@Test
	void aTokenHashIsShownByItsFingerprint() {
		String hash = "0123456789abcdef".repeat(4);
		assertThat(EffectiveSettings.shown("spend-audit.retiring-keys[0].key", hash, secrets))
			.isEqualTo("0123456789ab… (token hash)");
		assertThat(EffectiveSettings.shown("spend-audit.retiring-keys[0].key", "vk-old", secrets)).isEqualTo("vk-old");
	}

}
