package dev.spendaudit.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code doctor} needs from the job's systemd service: who it runs as, its env file, its working folder, the
 * folders {@code ProtectSystem=strict} leaves writable, and the {@code --config} and {@code --out} it runs with.
 *
 * @param environmentFiles {@code EnvironmentFile=} values, a leading {@code -} (optional file) removed
 * @param readWritePaths {@code ReadWritePaths=} entries; with {@code protectSystem} strict, nothing else is writable
 */
public record SystemdUnit(Path file, String user, String group, List<String> environmentFiles,
		String workingDirectory, boolean protectSystemStrict, List<String> readWritePaths, String execStart) {

	/** Where {@code deploy/install.sh} puts the service. */
	public static final Path DEFAULT = Path.of("/etc/systemd/system/spend-audit.service");

	public static SystemdUnit read(Path file) throws IOException {
		String user = null;
		String group = null;
		String workingDirectory = null;
		String execStart = null;
		boolean strict = false;
		List<String> envFiles = new ArrayList<>();
		List<String> rw = new ArrayList<>();
		for (String raw : Files.readAllLines(file)) {
			String line = raw.strip();
			int eq = line.indexOf('=');
			if (line.startsWith("#") || line.startsWith(";") || eq < 0) {
				continue;
			}
			String key = line.substring(0, eq).strip();
			String value = line.substring(eq + 1).strip();
			switch (key) {
				case "User" -> user = value;
				case "Group" -> group = value;
				case "WorkingDirectory" -> workingDirectory = value.startsWith("-") ? value.substring(1) : value;
				case "ExecStart" -> execStart = value;
				case "ProtectSystem" -> strict = value.equals("strict");
				case "EnvironmentFile" -> envFiles.add(value.startsWith("-") ? value.substring(1) : value);
				case "ReadWritePaths" -> Arrays.stream(value.split("\\s+"))
					.filter(p -> !p.isEmpty())
					.map(p -> p.replaceFirst("^[-+]+", ""))
					.forEach(rw::add);
				default -> {
				}
			}
		}
		return new SystemdUnit(file, user, group, List.copyOf(envFiles), workingDirectory, strict, List.copyOf(rw),
				execStart);
	}

	/** The value of {@code --name VALUE} (or {@code --name=VALUE}) in {@code ExecStart=}, or null. */
	public String execOption(String name) {
		if (execStart == null) {
			return null;
		}
		String[] words = execStart.split("\\s+");
		for (int i = 0; i < words.length; i++) {
			if (words[i].equals(name) && i + 1 < words.length) {
				return words[i + 1];
			}
			if (words[i].startsWith(name + "=")) {
				return words[i].substring(name.length() + 1);
			}
		}
		return null;
	}

	/** Whether the job may write to {@code dir} at all under {@code ProtectSystem=strict}. */
	public boolean allowsWritesTo(Path dir) {
		if (!protectSystemStrict) {
			return true;
		}
		Path normal = dir.toAbsolutePath().normalize();
		return readWritePaths.stream().map(p -> Path.of(p).normalize()).anyMatch(normal::startsWith);
	}

}
