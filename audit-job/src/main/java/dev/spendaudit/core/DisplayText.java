package dev.spendaudit.core;

/**
 * Text from the spend log or the key tables (aliases, model names, request ids) made safe to show: control
 * characters neutralised, bidirectional controls removed, and a length bound with an ellipsis. The values stay as
 * they are in the JSON; this is for the HTML, the plain text and the terminal.
 */
public final class DisplayText {

	/** The most code points any one value the digest or the terminal shows may take. */
	public static final int MAX_VALUE = 400;

	/** The most code points a name (workload, model, key, request id) takes in a table or a line. */
	public static final int MAX_NAME = 80;

	private DisplayText() {
	}

	/**
	 * The text with line breaks and tabs as spaces, other control characters (C0, DEL, C1) as U+FFFD, the
	 * bidirectional embeddings, overrides, isolates and marks removed (so a name cannot reorder what follows it),
	 * and at most {@value #MAX_VALUE} code points.
	 */
	public static String clean(String text) {
		return fit(text, MAX_VALUE);
	}

	/** As {@link #clean}, at most {@code max} code points: a longer text ends with an ellipsis. */
	public static String fit(String text, int max) {
		if (text == null) {
			return null;
		}
		if (isClean(text) && text.length() <= max) {
			return text;
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
		int shown = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (isBidiControl(c)) {
				continue;
			}
			if (shown == max - 1 && i < text.length()) {
				out.append('…');
				return out.toString();
			}
			out.appendCodePoint(c == '\n' || c == '\r' || c == '\t' ? ' ' : isControl(c) ? '\uFFFD' : c);
			shown++;
		}
		return out.toString();
	}

	/** A name for a table cell or a line: {@link #fit} to {@value #MAX_NAME} code points. */
	public static String name(String text) {
		return fit(text, MAX_NAME);
	}

	private static boolean isClean(String text) {
		return text.chars().noneMatch(c -> isControl(c) || isBidiControl(c));
	}

	static boolean isControl(int c) {
		return c < 0x20 || (c >= 0x7f && c < 0xa0);
	}

	/** ALM, LRM, RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
	static boolean isBidiControl(int c) {
		return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
				|| (c >= 0x2066 && c <= 0x2069);
	}

}
