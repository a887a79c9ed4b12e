package dev.spendaudit.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LiteLLM process's environment as it was started: from {@code /proc/PID/environ} (NUL-separated; readable by
 * root and the gateway's own user only), or from a copy: the {@code KEY=VALUE} lines {@code docker exec CONTAINER
 * env} prints, or the JSON of {@code docker inspect CONTAINER} (its {@code Config.Env} array).
 *
 * @param source where it was read, for the report
 * @param configPath the config file the process was started with ({@code --config} on its command line, or
 * {@code CONFIG_FILE_PATH}), null when unknown
 */
public record GatewayEnvironment(String source, Map<String, String> variables, String configPath) {

	public static GatewayEnvironment fromProcess(Path procRoot, long pid) throws UnreadableInputException {
		Path environ = procRoot.resolve(Long.toString(pid)).resolve("environ");
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(environ);
		}
		catch (AccessDeniedException ex) {
			throw new UnreadableInputException("cannot read " + environ + ": permission denied (only root and the gateway's own"
					+ " user may read a process's environment)");
		}
		catch (NoSuchFileException ex) {
			throw new UnreadableInputException("no process " + pid + " (" + environ + " does not exist)");
		}
		catch (IOException ex) {
			throw new UnreadableInputException("cannot read " + environ + ": " + ex.getMessage());
		}
		Map<String, String> variables = pairs(split(bytes));
		List<String> cmdline = cmdline(procRoot.resolve(Long.toString(pid)).resolve("cmdline"));
		return new GatewayEnvironment(environ.toString(), variables, configPath(cmdline, variables));
	}

	public static GatewayEnvironment fromFile(Path file) throws UnreadableInputException {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UnreadableInputException("cannot read " + file + ": " + ex.getMessage());
		}
		String trimmed = text.strip();
		if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
			JsonNode container = dockerInspect(file, trimmed);
			Map<String, String> variables = pairs(strings(env(file, container)));
			List<String> command = new ArrayList<>(strings(container.path("Config").path("Entrypoint")));
			command.addAll(strings(container.path("Config").path("Cmd")));
			return new GatewayEnvironment(file.toString(), variables, configPath(command, variables));
		}
		Map<String, String> variables = EnvFile.parse(file.toString(), text).asMap();
		return new GatewayEnvironment(file.toString(), variables, configPath(List.of(), variables));
	}

	/** {@code docker inspect} output: an array of containers, one container, or just the {@code Env} array. */
	private static JsonNode dockerInspect(Path file, String json) throws UnreadableInputException {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(json);
		}
		catch (JacksonException ex) {
			throw new UnreadableInputException(file + " is neither KEY=VALUE lines nor docker inspect JSON: "
					+ ex.getOriginalMessage());
		}
		return root.isArray() && !root.isEmpty() && root.get(0).isObject() ? root.get(0) : root;
	}

	private static JsonNode env(Path file, JsonNode container) throws UnreadableInputException {
		JsonNode env = container.isArray() ? container
				: container.path("Config").path("Env").isArray() ? container.path("Config").path("Env")
						: container.path("Env");
		if (!env.isArray()) {
			throw new UnreadableInputException(file + " holds JSON without a Config.Env array (docker inspect"
					+ " CONTAINER prints one)");
		}
		return env;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(e -> values.add(e.asString()));
		}
		return values;
	}

	private static List<String> split(byte[] nulSeparated) {
		List<String> parts = new ArrayList<>();
		for (String part : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
			if (!part.isEmpty()) {
				parts.add(part);
			}
		}
		return parts;
	}

	private static Map<String, String> pairs(List<String> entries) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String entry : entries) {
			int eq = entry.indexOf('=');
			if (eq > 0) {
				map.put(entry.substring(0, eq), entry.substring(eq + 1));
			}
		}
		return map;
	}

	private static List<String> cmdline(Path file) {
		try {
			return split(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** {@code litellm --config FILE} (or {@code -c FILE}, {@code --config=FILE}), else {@code CONFIG_FILE_PATH}. */
	static String configPath(List<String> cmdline, Map<String, String> variables) {
		for (int i = 0; i < cmdline.size(); i++) {
			String arg = cmdline.get(i);
			if ((arg.equals("--config") || arg.equals("-c")) && i + 1 < cmdline.size()) {
				return cmdline.get(i + 1);
			}
			if (arg.startsWith("--config=")) {
				return arg.substring("--config=".length());
			}
		}
		return variables.get("CONFIG_FILE_PATH");
	}

}
