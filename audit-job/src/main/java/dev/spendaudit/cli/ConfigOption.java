package dev.spendaudit.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.spendaudit.core.SettingsException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
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

	/**
	 * Stops with a usage error, naming the file, when it is missing or unreadable; with a configuration error
	 * (exit 3) naming the file, the line and the column when it is YAML that does not parse.
	 */
	Path checked() {
		if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--config " + file + ": no such readable file");
		}
		if (file != null && file.getFileName().toString().matches("(?i).*\\.ya?ml")) {
			parses(file);
		}
		return file;
	}

	/** The loader's own message lacks the file: parse once here, where the file is known. */
	private static void parses(Path file) {
		try (Reader in = Files.newBufferedReader(file)) {
			new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in).forEach(document -> {
			});
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark();
			throw new SettingsException("broken YAML in " + file
					+ (mark == null ? "" : " line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1))
					+ ": " + (ex.getContext() == null ? "" : ex.getContext() + ", ") + ex.getProblem());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read --config " + file + ": " + ex.getMessage(), ex);
		}
	}

}
