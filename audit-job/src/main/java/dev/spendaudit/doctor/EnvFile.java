package dev.spendaudit.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of {@code KEY=VALUE} lines: a systemd {@code EnvironmentFile=}, a Docker {@code --env-file}, or what
 * {@code docker exec CONTAINER env} prints. Comments ({@code #}, {@code ;}) and blank lines are skipped, one pair of
 * surrounding quotes is removed, and a later line wins over an earlier one, as systemd reads it.
 *
 * @param source where the lines came from, for origins ({@code /etc/spend-audit/spend-audit.env})
 */
public record EnvFile(String source, List<Entry> entries) {

	/** One variable and the 1-based line it is set on. */
	public record Entry(String name, String value, int line) {
	}

	public EnvFile {
		entries = List.copyOf(entries);
	}

	public static EnvFile read(Path file) throws IOException {
		return parse(file.toString(), Files.readString(file));
	}

	public static EnvFile parse(String source, String text) {
		List<Entry> entries = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			if (line.startsWith("export ")) {
				line = line.substring("export ".length()).strip();
			}
			int eq = line.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String name = line.substring(0, eq).strip();
			if (name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
				entries.add(new Entry(name, unquote(line.substring(eq + 1).strip()), i + 1));
			}
		}
		return new EnvFile(source, entries);
	}

	/** The variables, the last line of each name winning. */
	public Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		entries.forEach(e -> map.put(e.name(), e.value()));
		return map;
	}

	/** The line that sets {@code name} last, or 0. */
	public int lineOf(String name) {
		int line = 0;
		for (Entry e : entries) {
			if (e.name().equals(name)) {
				line = e.line();
			}
		}
		return line;
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
				|| value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

}
