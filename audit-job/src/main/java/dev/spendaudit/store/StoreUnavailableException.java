package dev.spendaudit.store;

import dev.spendaudit.core.ExitCode;

/**
 * The job's own store cannot be used: unreachable, its schema cannot be migrated, or the day lock cannot be taken.
 * The message is one line naming the setting and the database, never a password. Ends the run with exit code 5.
 */
public class StoreUnavailableException extends RuntimeException implements ExitCode.Coded {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.STORE;
	}

}
