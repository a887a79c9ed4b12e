package dev.spendaudit.doctor;

/** A gateway input (its environment, its config file) that cannot be read: one line, with what to do instead. */
public final class UnreadableInputException extends Exception {

	UnreadableInputException(String message) {
		super(message);
	}

}
