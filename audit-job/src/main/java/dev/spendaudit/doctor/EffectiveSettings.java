package dev.spendaudit.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every {@code spend-audit.*} and {@code spring.mail.*} setting in force and where it came from, read from
 * Spring's own {@code Environment}: the bound settings records give every name and its value (defaults
 * included), the property sources give the origin (the first source holding a name wins, as in binding).
 * Secrets are masked. Environment variables under {@code SPEND_AUDIT_} that match no setting are reported too:
 * Spring ignores them silently.
 */
public final class EffectiveSettings {

	/** Settings another part of the job may add; looked up even when no bound record declares them. */
	static final List<String> OPTIONAL = List.of("spend-audit.health.textfile-dir", "spend-audit.health.ping-url");

	private static final String ENV_PREFIX = "SPEND_AUDIT_";

	private final ConfigurableEnvironment environment;

	private final Secrets secrets;

	private final Set<String> usedVariables = new LinkedHashSet<>();

	private EffectiveSettings(ConfigurableEnvironment environment, Secrets secrets) {
		this.environment = environment;
		this.secrets = secrets;
	}

	/**
	 * The settings in force.
	 *
	 * @param bound each settings record by the prefix it is bound at ({@code spend-audit} → the root record)
	 */
	public static List<Setting> of(ConfigurableEnvironment environment, Map<String, Object> bound, Secrets secrets) {
		return new EffectiveSettings(environment, secrets).list(bound);
	}

	/** Environment variables that look like settings ({@code SPEND_AUDIT_...}) but bind to none. */
	public static List<String> unusedVariables(ConfigurableEnvironment environment, Map<String, Object> bound,
			Secrets secrets) {
		EffectiveSettings settings = new EffectiveSettings(environment, secrets);
		settings.list(bound);
		return settings.variables().stream().filter(v -> !settings.usedVariables.contains(v)).toList();
	}

	private List<Setting> list(Map<String, Object> bound) {
		Map<String, Object> values = new LinkedHashMap<>();
		bound.forEach((prefix, record) -> SettingValues.flatten(prefix, record, values));
		for (String name : OPTIONAL) {
			if (!values.containsKey(name) && lookup(name) != null) {
				values.put(name, lookup(name).getValue());
			}
		}
		Set<String> mail = new TreeSet<>();
		for (PropertySource<?> source : sources()) {
			ConfigurationPropertySource adapted = ConfigurationPropertySource.from(source);
			if (adapted instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().map(ConfigurationPropertyName::toString).filter(n -> n.startsWith("spring.mail."))
					.forEach(mail::add);
			}
		}
		mail.forEach(n -> values.putIfAbsent(n, lookup(n).getValue()));
		List<Setting> settings = new ArrayList<>();
		values.forEach((name, value) -> settings.add(new Setting(name, shown(name, SettingValues.format(value)),
				origin(name))));
		return settings;
	}

	private String shown(String name, String value) {
		if ("(none)".equals(value)) {
			return value;
		}
		if (Secrets.isSecretName(name)) {
			return secrets.mask(value);
		}
		if (name.endsWith("ping-url") || name.matches(".*webhooks\\[\\d+]\\.url")) {
			return secrets.maskPath(value);
		}
		return name.endsWith("url") ? secrets.maskUrl(value) : value;
	}

	/** Where {@code name} (or, for a list element, the list) is set; {@code default} when nowhere. */
	private String origin(String name) {
		for (String n = name; n != null; n = n.contains("[") ? parent(n) : null) {
			ConfigurationProperty property = lookup(n);
			if (property != null) {
				return Origins.describe(property);
			}
		}
		return "default";
	}

	private ConfigurationProperty lookup(String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (PropertySource<?> source : sources()) {
			ConfigurationPropertySource adapted = ConfigurationPropertySource.from(source);
			ConfigurationProperty property = adapted == null ? null : adapted.getConfigurationProperty(key);
			if (property != null) {
				if (property.getOrigin() instanceof SystemEnvironmentOrigin env) {
					usedVariables.add(env.getProperty());
				}
				else if (property.getOrigin() instanceof EnvFilePropertySource.EnvFileOrigin env) {
					usedVariables.add(env.variable());
				}
				return property;
			}
		}
		return null;
	}

	private List<String> variables() {
		Set<String> names = new TreeSet<>();
		for (PropertySource<?> source : sources()) {
			if (source instanceof SystemEnvironmentPropertySource env) {
				for (String n : env.getPropertyNames()) {
					if (n.startsWith(ENV_PREFIX)) {
						names.add(n);
					}
				}
			}
		}
		return List.copyOf(names);
	}

	private List<PropertySource<?>> sources() {
		List<PropertySource<?>> sources = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			// Boot's attached view of all the others would answer every lookup first
			if (!"configurationProperties".equals(source.getName()) && source instanceof EnumerablePropertySource) {
				sources.add(source);
			}
		}
		return sources;
	}

	private static String parent(String name) {
		int end = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
		return end <= 0 ? null : name.substring(0, end);
	}

}
