package dev.spendaudit.core;

/**
 * What an HTTP client puts in its one-line failure: a quote of the server's answer and a failure's own first line.
 * Shared by the webhooks and the bill fetcher, whose lines read alike.
 */
public final class AnswerText {

	/** At most this much of an answer's first line is quoted. */
	public static final int MAX_QUOTED = 200;

	private AnswerText() {
	}

	/** {@code ": "} and the answer's first non-blank line (cut at {@value #MAX_QUOTED}), or "" for a blank answer. */
	public static String quoted(String body) {
		String line = body == null ? "" : body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
			.orElse("");
		if (line.isEmpty()) {
			return "";
		}
		return ": " + (line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "…" : line);
	}

	/** The failure's class and the first line of its message: {@code HttpTimeoutException: request timed out}. */
	public static String oneLine(Throwable ex) {
		String name = ex.getClass().getSimpleName();
		String message = ex.getMessage() == null ? "" : ex.getMessage().lines().findFirst().orElse("");
		return message.isEmpty() ? name : name + ": " + message;
	}

}
