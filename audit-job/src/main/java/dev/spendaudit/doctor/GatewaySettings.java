package dev.spendaudit.doctor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's settings as the running process sees them: its config file's {@code general_settings}, with
 * {@code os.environ/NAME} read from the process environment (plus what the file's own
 * {@code environment_variables} section sets, which LiteLLM copies into the environment first).
 *
 * @param environment the live environment, null when it was not given or could not be read
 * @param config the config file, null when it was not given or could not be read
 */
record GatewaySettings(GatewayEnvironment environment, GatewayConfig config) {

	/** What a value turned out to be, or why that is unknown. */
	record Value(String raw, String resolved, boolean known) {

		boolean isTrue() {
			return known && resolved != null && "true".equals(resolved.strip().toLowerCase(Locale.ROOT));
		}

	}

	/** Every variable the process has once LiteLLM has loaded its config: its own, then the file's. */
	Map<String, String> variables() {
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment != null) {
			variables.putAll(environment.variables());
		}
		if (config != null) {
			config.environmentVariables().forEach(variables::put);
		}
		return variables;
	}

	boolean knowsEnvironment() {
		return environment != null;
	}

	/** A {@code general_settings} value through its {@code os.environ/} indirection; null when the file lacks it. */
	Value general(String key) {
		if (config == null || !config.has(key)) {
			return null;
		}
		Object raw = config.get(key);
		if (raw == null) {
			return new Value(null, null, true);
		}
		String text = String.valueOf(raw);
		if (!text.startsWith(GatewayConfig.ENV_PREFIX)) {
			return new Value(text, text, true);
		}
		String variable = text.substring(GatewayConfig.ENV_PREFIX.length());
		return knowsEnvironment() || config.environmentVariables().containsKey(variable)
				? new Value(text, variables().get(variable), true) : new Value(text, null, false);
	}

	/** The process's own database URL: {@code DATABASE_URL}, else the one LiteLLM builds from the parts. */
	String environmentDatabaseUrl() {
		Map<String, String> v = variables();
		if (v.get("DATABASE_URL") != null && !v.get("DATABASE_URL").isBlank()) {
			return v.get("DATABASE_URL");
		}
		if (v.get("DATABASE_HOST") != null && v.get("DATABASE_USERNAME") != null && v.get("DATABASE_PASSWORD") != null
				&& v.get("DATABASE_NAME") != null) {
			return "postgresql://" + v.get("DATABASE_USERNAME") + ":" + v.get("DATABASE_PASSWORD") + "@"
					+ v.get("DATABASE_HOST") + "/" + v.get("DATABASE_NAME");
		}
		return null;
	}

}
