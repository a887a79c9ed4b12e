package dev.spendaudit.delivery;

/**
 * The digest could not be delivered. The message is one line, fit for the run's exit: what, to whom, through
 * which server and why; never a password.
 */
public class DeliveryException extends RuntimeException {

	DeliveryException(String message) {
		super(message);
	}

}
