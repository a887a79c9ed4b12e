package dev.spendaudit.core;

/**
 * A setting is missing, invalid or contradicts another one, found after the settings were bound (exit code 3).
 * The message names the setting.
 */
public class SettingsException extends IllegalStateException implements ExitCode.Coded {

	public SettingsException(String message) {
		super(message);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.CONFIG;
	}

}
