package dev.spendaudit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spendaudit.progress.ProgressMode;
import picocli.CommandLine.Option;

/**
 * {@code --quiet}: only errors and the final summary. Otherwise a terminal gets a progress bar and anything else
 * (the systemd journal, cron mail) plain lines, one per day.
 */
class QuietOption {

	@Option(names = { "-q", "--quiet" },
			description = "print only errors and the final summary (no progress bar, no line per day, no log lines)")
	boolean quiet;

	ProgressMode mode() {
		return ProgressMode.detect(quiet);
	}

	/** The settings that keep the job's own log lines off a bar and out of a quiet run. */
	static Map<String, String> logging(ProgressMode mode, Map<String, String> overrides) {
		if (mode.logsInfo()) {
			return overrides;
		}
		Map<String, String> quieter = new LinkedHashMap<>(overrides);
		quieter.put("logging.level.dev.spendaudit", "WARN");
		return quieter;
	}

}
