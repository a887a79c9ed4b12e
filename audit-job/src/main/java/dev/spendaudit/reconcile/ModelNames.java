package dev.spendaudit.reconcile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Best-effort matching of a bill's model names with LiteLLM's, for per-day bills: both sides are compared without
 * their provider prefixes ({@code openrouter/openai/gpt-4.1-mini} and {@code openai/gpt-4.1-mini} are
 * {@code gpt-4.1-mini}), without a dated snapshot suffix ({@code -2025-04-14}, {@code -20250514}) and without an
 * OpenAI line item's part after the comma ({@code gpt-4.1-mini-2025-04-14, input}).
 */
final class ModelNames {

	private static final Pattern SNAPSHOT = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

	private ModelNames() {
	}

	static String key(String model) {
		String m = model.toLowerCase(Locale.ROOT).strip();
		int comma = m.indexOf(',');
		if (comma >= 0) {
			m = m.substring(0, comma).strip();
		}
		m = m.substring(m.lastIndexOf('/') + 1);
		return SNAPSHOT.matcher(m).replaceFirst("");
	}

}
