package dev.spendaudit.source;

import dev.spendaudit.core.ExitCode;

/**
 * The LiteLLM database cannot be used: unreachable, or not a LiteLLM database. The message is one line, fit for
 * an operator, and never holds a password. Ends the run with exit code 4.
 */
public class SourceUnavailableException extends RuntimeException implements ExitCode.Coded {

	public SourceUnavailableException(String message) {
		super(message);
	}

	public SourceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.SOURCE;
	}

}
