package dev.spendaudit.doctor;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.io.Resource;

/**
 * Where a setting came from, said the way an operator looks for it: {@code default (application.yml:12)},
 * {@code /etc/spend-audit/spend-audit.yml:4}, {@code environment variable SPEND_AUDIT_ZONE},
 * {@code /etc/spend-audit/spend-audit.env:3 (SPEND_AUDIT_SOURCE_URL)}.
 */
final class Origins {

	/** Boot wraps the resources it loads, so a class path file is known by its description. */
	private static final Pattern CLASS_PATH = Pattern.compile("class path resource \\[(.+?)](?: from \\S+)?");

	private static final Pattern FILE = Pattern.compile("(?:URL \\[file:|file \\[)(.+)]");

	private Origins() {
	}

	static String describe(ConfigurationProperty property) {
		return describe(property.getOrigin());
	}

	static String describe(Origin origin) {
		if (origin == null) {
			return "unknown";
		}
		if (origin instanceof PropertySourceOrigin source && source.getOrigin() != null) {
			// Boot wraps the source's own origin (a file and line) in one naming the property source
			return describe(source.getOrigin());
		}
		if (origin instanceof EnvFilePropertySource.EnvFileOrigin env) {
			return "env file " + env;
		}
		if (origin instanceof SystemEnvironmentOrigin env) {
			return "environment variable " + env.getProperty();
		}
		if (origin instanceof TextResourceOrigin text) {
			return resource(text);
		}
		if (origin instanceof PropertySourceOrigin source) {
			String name = source.getPropertySource().getName();
			return "commandLineArgs".equals(name) ? "command line" : name;
		}
		return origin.getParent() != null ? describe(origin.getParent()) : origin.toString();
	}

	private static String resource(TextResourceOrigin text) {
		Resource resource = text.getResource();
		int line = text.getLocation() == null ? 0 : text.getLocation().getLine() + 1;
		if (resource == null) {
			return text.toString();
		}
		try {
			if (resource.isFile()) {
				return resource.getFile().getPath() + (line == 0 ? "" : ":" + line);
			}
		}
		catch (IOException ex) {
			// described below
		}
		return resource(resource.getDescription(), line);
	}

	/**
	 * A resource as Spring describes it ({@code class path resource [application.yml]}, {@code URL
	 * [file:/etc/x.yml]}) and a 1-based line (0: none), made plain.
	 */
	static String resource(String description, int line) {
		String at = line == 0 ? "" : ":" + line;
		Matcher classPath = CLASS_PATH.matcher(description);
		if (classPath.matches()) {
			String path = classPath.group(1);
			// application-demo.yml and friends: a profile's built-in settings
			return (path.startsWith("application-") ? "built-in profile (" : "default (") + path + at + ")";
		}
		Matcher file = FILE.matcher(description);
		return (file.matches() ? file.group(1) : description) + at;
	}

}
