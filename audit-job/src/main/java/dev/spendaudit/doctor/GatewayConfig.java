package dev.spendaudit.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * LiteLLM's {@code config.yaml} as far as spend logging goes: its {@code general_settings}, the variables its
 * {@code environment_variables} section sets, and every {@code os.environ/NAME} indirection in it.
 *
 * @param generalSettings {@code general_settings}, keys as written (a key set to {@code null} is kept)
 * @param references every {@code os.environ/NAME} value, with where in the file it is
 */
public record GatewayConfig(String source, Map<String, Object> generalSettings,
		Map<String, String> environmentVariables, List<Reference> references) {

	/** LiteLLM's prefix for "read this value from the environment". */
	static final String ENV_PREFIX = "os.environ/";

	/** A value read from the environment: {@code general_settings.master_key: os.environ/LITELLM_MASTER_KEY}. */
	public record Reference(String path, String variable) {
	}

	public static GatewayConfig read(Path file) throws UnreadableInputException {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UnreadableInputException("cannot read " + file + ": " + ex.getMessage());
		}
		catch (YAMLException ex) {
			throw new UnreadableInputException(file + " is not valid YAML: " + ex.getMessage().lines()
				.findFirst()
				.orElse(""));
		}
		Map<String, Object> config = root instanceof Map<?, ?> m ? strings(m) : Map.of();
		Map<String, Object> general = config.get("general_settings") instanceof Map<?, ?> g ? strings(g) : Map.of();
		Map<String, String> variables = new LinkedHashMap<>();
		if (config.get("environment_variables") instanceof Map<?, ?> vars) {
			vars.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
		}
		List<Reference> references = new ArrayList<>();
		collect("", root, references);
		return new GatewayConfig(file.toString(), general, variables, references);
	}

	public boolean has(String generalSetting) {
		return generalSettings.containsKey(generalSetting);
	}

	public Object get(String generalSetting) {
		return generalSettings.get(generalSetting);
	}

	private static void collect(String path, Object node, List<Reference> out) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> collect(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collect(path + "[" + i + "]", list.get(i), out);
			}
		}
		else if (node instanceof String s && s.startsWith(ENV_PREFIX)) {
			out.add(new Reference(path, s.substring(ENV_PREFIX.length())));
		}
	}

	private static Map<String, Object> strings(Map<?, ?> map) {
		Map<String, Object> out = new LinkedHashMap<>();
		map.forEach((k, v) -> out.put(String.valueOf(k), v));
		return out;
	}

}
