package dev.spendaudit.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spendaudit.settings.SettingsInForce;
import dev.spendaudit.source.KeyHash;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Every {@code spend-audit.*} setting in force (the settings' own {@link SettingsInForce}: defaults included) and
 * every {@code spring.mail.*} one the environment sets, each with where it came from, said the way an operator
 * looks for it: {@code default (application.yml:12)}, {@code /etc/spend-audit/spend-audit.yml:4},
 * {@code environment variable SPEND_AUDIT_ZONE}, {@code env file /etc/spend-audit/spend-audit.env:3
 * (SPEND_AUDIT_SOURCE_URL)}. Secrets are masked.
 */
public final class EffectiveSettings {

	/** A file and line as Spring Boot writes it: {@code URL [file:/etc/x.yml] - 4:10}. */
	private static final Pattern TRACKED = Pattern.compile("^(.*) - (\\d+):\\d+$");

	private static final Pattern VARIABLE = Pattern.compile("^environment variable (\\S+)$");

	private EffectiveSettings() {
	}

	/**
	 * @param envFile the job's env file that was loaded into the environment, or null: its variables are named by
	 * file and line (it weighs more than the process environment, so a variable it sets is the one in force)
	 */
	public static List<Setting> of(List<SettingsInForce.Setting> inForce, ConfigurableEnvironment environment,
			EnvFile envFile, Secrets secrets) {
		List<Setting> settings = new ArrayList<>();
		for (SettingsInForce.Setting s : inForce) {
			settings.add(new Setting(s.name(), shown(s.name(), s.value(), secrets), origin(s.origin(), envFile)));
		}
		for (String name : mailNames(environment)) {
			ConfigurationProperty property = lookup(environment, name);
			if (property != null) {
				settings.add(new Setting(name, shown(name, String.valueOf(property.getValue()), secrets),
						Origins.describe(property.getOrigin())));
			}
		}
		return settings;
	}

	static String shown(String name, String value, Secrets secrets) {
		if (value == null) {
			return "(none)";
		}
		if (Secrets.isSecretName(name)) {
			return secrets.mask(value);
		}
		if (KeyHash.isTokenHash(value)) {
			// a key named by its token hash (a retiring key): its fingerprint, as keys shows it, never the hash
			return KeyHash.fingerprint(value) + "… (token hash)";
		}
		if (name.endsWith("ping-url") || name.matches(".*webhooks\\[\\d+]\\.url")) {
			return secrets.maskPath(value);
		}
		return name.endsWith("url") ? secrets.maskUrl(value) : value;
	}

	/** An origin as {@link SettingsInForce} gives it, made plain. */
	static String origin(String origin, EnvFile envFile) {
		Matcher variable = VARIABLE.matcher(origin);
		if (variable.matches() && envFile != null && envFile.lineOf(variable.group(1)) > 0) {
			return "env file " + envFile.source() + ":" + envFile.lineOf(variable.group(1)) + " (" + variable.group(1)
					+ ")";
		}
		Matcher tracked = TRACKED.matcher(origin);
		return tracked.matches() ? Origins.resource(tracked.group(1), Integer.parseInt(tracked.group(2))) : origin;
	}

	private static Set<String> mailNames(ConfigurableEnvironment environment) {
		Set<String> names = new TreeSet<>();
		for (PropertySource<?> source : sources(environment)) {
			if (ConfigurationPropertySource.from(source) instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.map(ConfigurationPropertyName::toString)
					.filter(n -> n.startsWith("spring.mail."))
					.forEach(names::add);
			}
		}
		return names;
	}

	/** The property from the source that weighs most, as binding takes it. */
	private static ConfigurationProperty lookup(ConfigurableEnvironment environment, String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (PropertySource<?> source : sources(environment)) {
			ConfigurationPropertySource adapted = ConfigurationPropertySource.from(source);
			ConfigurationProperty property = adapted == null ? null : adapted.getConfigurationProperty(key);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

	private static List<PropertySource<?>> sources(ConfigurableEnvironment environment) {
		List<PropertySource<?>> sources = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			// Boot's attached view of all the others would answer every lookup first
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					&& source instanceof EnumerablePropertySource) {
				sources.add(source);
			}
		}
		return sources;
	}

}
