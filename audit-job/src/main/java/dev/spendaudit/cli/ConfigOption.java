package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: a YAML (or .properties) file added on top of the built-in defaults; environment
 * variables override both.
 */
class ConfigOption {

	@Option(names = "--config", paramLabel = "FILE",
			description = "YAML settings file on top of the defaults (environment variables override both)")
	Path file;

	@CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
	CommandLine.Model.CommandSpec spec;

	/** Stops with a usage error, naming the file, when it is missing or unreadable. */
	Path checked() {
		if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--config " + file + ": no such readable file");
		}
		return file;
	}

}
