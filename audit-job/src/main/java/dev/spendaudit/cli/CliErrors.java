package dev.spendaudit.cli;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.settings.EnvironmentOnlySettingException;
import dev.spendaudit.settings.UnknownSettingException;
import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import picocli.CommandLine;

/**
 * One line and an exit code for any failure, fit for a cron mail or a journal: the setting, file and line at fault
 * where known, never a stack trace and never a password.
 */
final class CliErrors {

	private static final Pattern UNBOUND_ELEMENTS = Pattern.compile("The elements \\[(.+)\\] were left unbound\\.");

	/** The file a config loader names in its message: {@code 'file:/etc/x.yml'} or {@code [file:/etc/x.yml]}. */
	private static final Pattern YAML_FILE = Pattern.compile("['\\[](?:file:|optional:file:)?([^'\\]]+\\.ya?ml)['\\]]");

	private CliErrors() {
	}

	static String describe(Throwable ex) {
		UnknownSettingException unknown = find(ex, UnknownSettingException.class);
		if (unknown != null) {
			return unknown.getMessage();
		}
		EnvironmentOnlySettingException misplaced = find(ex, EnvironmentOnlySettingException.class);
		if (misplaced != null) {
			return misplaced.getMessage();
		}
		UnboundConfigurationPropertiesException unbound = find(ex, UnboundConfigurationPropertiesException.class);
		if (unbound != null) {
			return "unknown setting " + unbound.getUnboundProperties()
				.stream()
				.map(CliErrors::withOrigin)
				.collect(Collectors.joining(", "));
		}
		MarkedYAMLException yaml = find(ex, MarkedYAMLException.class);
		if (yaml != null) {
			return brokenYaml(ex, yaml);
		}
		// the source, the store, delivery, the output folder, the day lock: each says what in one line
		Throwable coded = findCoded(ex);
		if (coded != null && coded.getMessage() != null) {
			return firstLine(coded.getMessage());
		}
		BindException bind = find(ex, BindException.class);
		if (bind != null) {
			String message = rootMessage(bind);
			Matcher unboundElements = UNBOUND_ELEMENTS.matcher(message);
			if (unboundElements.matches()) {
				// a misspelt key inside a list entry (spend-audit.subscriptions[0].fee-usd)
				return "unknown setting " + unboundElements.group(1);
			}
			if (message.startsWith(bind.getName() + ".") || message.startsWith(bind.getName() + "[")) {
				// the check already named the exact setting (a list entry's field, say)
				return "invalid setting " + message;
			}
			return "invalid setting " + bind.getName()
					+ (bind.getProperty() != null ? " " + origin(bind.getProperty().getOrigin()) : "") + ": "
					+ message;
		}
		SQLException sql = find(ex, SQLException.class);
		if (sql != null) {
			return "database error: " + firstLine(sql.getMessage());
		}
		return rootMessage(ex);
	}

	/**
	 * The exit code a failure ends the command with: a setting at fault is 3 (configuration), whatever its
	 * exception; otherwise the failure says ({@link ExitCode#of}), 1 when it does not.
	 */
	static ExitCode exitCode(Throwable ex) {
		if (find(ex, CommandLine.ParameterException.class) != null) {
			return ExitCode.USAGE;
		}
		if (find(ex, UnknownSettingException.class) != null || find(ex, EnvironmentOnlySettingException.class) != null
				|| find(ex, UnboundConfigurationPropertiesException.class) != null || find(ex, BindException.class) != null
				|| find(ex, ConfigDataException.class) != null || find(ex, MarkedYAMLException.class) != null) {
			return ExitCode.CONFIG;
		}
		return ExitCode.of(ex);
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static Throwable findCoded(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ExitCode.Coded) {
				return t;
			}
		}
		return null;
	}

	/** "broken YAML in FILE line L column C: what", the file as the loader named it. */
	private static String brokenYaml(Throwable ex, MarkedYAMLException yaml) {
		String file = null;
		for (Throwable t = ex; t != null && file == null; t = t.getCause() == t ? null : t.getCause()) {
			Matcher m = YAML_FILE.matcher(String.valueOf(t.getMessage()));
			file = m.find() ? m.group(1) : null;
		}
		Mark mark = yaml.getProblemMark();
		return "broken YAML" + (file == null ? "" : " in " + file)
				+ (mark == null ? "" : " line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1)) + ": "
				+ firstLine(yaml.getContext() == null ? yaml.getProblem()
						: yaml.getContext() + ", " + yaml.getProblem());
	}

	private static String withOrigin(ConfigurationProperty property) {
		return property.getName() + " " + origin(property.getOrigin());
	}

	private static String origin(Origin origin) {
		return origin == null ? "" : "(" + origin + ")";
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse(message).replaceAll("(?i)(password=)[^&;\\s]*", "$1****");
	}

}
