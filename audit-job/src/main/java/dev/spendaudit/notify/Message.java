package dev.spendaudit.notify;

import java.util.Map;

/**
 * One webhook request as rendered: its body, content type and extra headers (ntfy's {@code Title},
 * {@code Priority}, {@code Tags}). Kept in the record as is, so a retry on a later night sends the same request.
 */
record Message(String contentType, String body, Map<String, String> headers) {

	Message {
		headers = headers == null ? Map.of() : Map.copyOf(headers);
	}

}
