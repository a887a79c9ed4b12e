package dev.spendaudit.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The option checks several commands share, each a bad-command-line error (exit 2) naming the option. */
final class OptionChecks {

	private OptionChecks() {
	}

	/** {@code --days} from 1 to ten years. */
	static void days(CommandSpec spec, int days) {
		if (days < 1 || days > 3660) {
			throw new CommandLine.ParameterException(spec.commandLine(), "--days must be 1 to 3660, not " + days);
		}
	}

	/** {@code --format}, one of {@code formats}: "--format must be table, json or csv, not 'xml'". */
	static void format(CommandSpec spec, String format, List<String> formats) {
		if (!formats.contains(format)) {
			String names = formats.size() == 1 ? formats.get(0)
					: String.join(", ", formats.subList(0, formats.size() - 1)) + " or " + formats.get(formats.size() - 1);
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--format must be " + names + ", not '" + format + "'");
		}
	}

}
