package dev.spendaudit.source;

/**
 * The LiteLLM database cannot be used: unreachable, or not a LiteLLM database. The message is one line, fit for
 * an operator, and never holds a password.
 */
public class SourceUnavailableException extends RuntimeException {

	public SourceUnavailableException(String message) {
		super(message);
	}

	public SourceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
