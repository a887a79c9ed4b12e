package dev.spendaudit.reconcile.fetch;

/** One provider's fetch failed: the message is one line, the HTTP status or the cause, never the key. */
final class FetchFailedException extends RuntimeException {

	FetchFailedException(String reason) {
		super(reason, null, false, false);
	}

}
