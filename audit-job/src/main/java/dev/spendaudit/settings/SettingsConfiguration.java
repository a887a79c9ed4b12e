package dev.spendaudit.settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up check of every {@code spend-audit.*} setting, and the settings in force it leaves behind.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

	/** Static: a bean factory post-processor must not wait for its configuration class to be made. */
	@Bean
	static SettingsCheck settingsCheck() {
		return new SettingsCheck();
	}

}
