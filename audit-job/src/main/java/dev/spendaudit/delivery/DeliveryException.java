package dev.spendaudit.delivery;

import dev.spendaudit.core.ExitCode;

/**
 * The digest could not be delivered. The message is one line, fit for the run's exit: what, to whom, through
 * which server and why; never a password. Ends the run with exit code 6 unless the cause is a setting (3) or there
 * was nothing to deliver (1).
 */
public class DeliveryException extends RuntimeException implements ExitCode.Coded {

	private final ExitCode exitCode;

	DeliveryException(String message) {
		this(message, ExitCode.DELIVERY);
	}

	DeliveryException(String message, ExitCode exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	@Override
	public ExitCode exitCode() {
		return exitCode;
	}

}
