package dev.spendaudit.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.settings.SettingsCatalog.Declared;
import dev.spendaudit.settings.SettingsCatalog.Match;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings under {@code spend-audit} as the environment holds them: each one in force with its value and
 * where it came from (a file and line, an environment variable, the command line, or the record's default), and
 * every name that no settings record declares. Values are shown as given: nothing is masked.
 */
public final class SettingsInForce {

	private final ConfigurableEnvironment environment;

	private final SettingsCatalog catalog;

	SettingsInForce(ConfigurableEnvironment environment, SettingsCatalog catalog) {
		this.environment = environment;
		this.catalog = catalog;
	}

	/**
	 * One setting as found.
	 *
	 * @param name the setting, e.g. {@code spend-audit.subscriptions[1].fee-usd} (an unknown environment variable
	 * is named as written)
	 * @param value its value as given, or the default (null when there is none)
	 * @param origin {@code URL [file:/etc/spend-audit.yml] - 4:10}, {@code environment variable SPEND_AUDIT_ZONE},
	 * {@code command line} or {@code default}
	 */
	public record Setting(String name, String value, String origin) {

	}

	/** Every name under {@code spend-audit} that no settings record declares, each once, where it weighs most. */
	public List<Setting> unknown() {
		Map<String, Setting> unknown = new LinkedHashMap<>();
		for (Present present : present()) {
			if (present.match() == null) {
				unknown.putIfAbsent(present.setting().name(), present.setting());
			}
		}
		return List.copyOf(unknown.values());
	}

	/**
	 * Every declared setting, in the records' order: its value and origin where the environment sets it (a list
	 * entry by entry, from the one source Spring Boot binds the list from), else its default.
	 */
	public List<Setting> inForce() {
		List<Present> present = present();
		List<Setting> settings = new ArrayList<>();
		for (Declared declared : catalog.declared()) {
			List<Present> given = present.stream()
				.filter(p -> p.match() != null && declared.name().equals(p.match().setting()))
				.toList();
			if (given.isEmpty()) {
				settings.add(new Setting(declared.name().toString(), declared.defaultValue(), "default"));
			}
			else {
				int weightiest = given.get(0).source();
				given.stream().filter(p -> p.source() == weightiest).map(Present::setting).forEach(settings::add);
			}
		}
		return settings;
	}

	/**
	 * Every {@link EnvironmentOnly} setting that a source other than the environment sets (a file, the command
	 * line, a system property), wherever it is set: even one that the environment overrides is a key in a file.
	 */
	public List<Setting> outsideTheEnvironment() {
		List<ConfigurationPropertyName> environmentOnly = catalog.declared()
			.stream()
			.filter(Declared::environmentOnly)
			.map(Declared::name)
			.toList();
		return present().stream()
			.filter(p -> !p.fromEnvironment() && p.match() != null && environmentOnly.contains(p.match().setting()))
			.map(Present::setting)
			.toList();
	}

	/**
	 * A name under {@code spend-audit} in one property source ({@code source}: 0 weighs most; {@code fromEnvironment}:
	 * an environment variable, of the process or of the job's env file).
	 */
	private record Present(int source, Match match, Setting setting, boolean fromEnvironment) {

	}

	private List<Present> present() {
		List<Present> all = new ArrayList<>();
		int index = 0;
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| !(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			if (source instanceof SystemEnvironmentPropertySource) {
				addVariables(all, index, enumerable);
			}
			else if (ConfigurationPropertySource.from(source) instanceof IterableConfigurationPropertySource names) {
				addNames(all, index, names, source);
			}
			index++;
		}
		return all;
	}

	private void addVariables(List<Present> all, int index, EnumerablePropertySource<?> source) {
		for (String variable : source.getPropertyNames()) {
			if (SettingsCatalog.isUnderRoot(variable)) {
				Match match = catalog.matchVariable(variable);
				Setting setting = match == null
						? new Setting(variable, String.valueOf(source.getProperty(variable)), "environment variable")
						: new Setting(match.name().toString(), String.valueOf(source.getProperty(variable)),
								"environment variable " + variable);
				all.add(new Present(index, match, setting, true));
			}
		}
	}

	private void addNames(List<Present> all, int index, IterableConfigurationPropertySource names,
			PropertySource<?> source) {
		names.stream().filter(SettingsCatalog.ROOT::isAncestorOf).forEach(name -> {
			ConfigurationProperty property = names.getConfigurationProperty(name);
			String value = property == null ? null : String.valueOf(property.getValue());
			Origin origin = property == null ? null : property.getOrigin();
			all.add(new Present(index, catalog.match(name), new Setting(name.toString(), value, origin(origin, source)),
					false));
		});
	}

	/** A file and line where Spring Boot tracks them; else what the property source is. */
	private static String origin(Origin origin, PropertySource<?> source) {
		if (origin instanceof PropertySourceOrigin untracked) {
			origin = untracked.getOrigin();
		}
		if (origin != null) {
			return origin.toString();
		}
		return switch (source.getName()) {
			case "commandLineArgs" -> "command line";
			case "systemProperties" -> "Java system property";
			default -> source.getName();
		};
	}

}
