package dev.spendaudit.subscriptions;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model name or glob from a plan's {@code models}: {@code *} is any run of characters, {@code ?} one character,
 * case ignored. A glob with a {@code /} ({@code zai/*}) is matched against {@code provider/model}; one without
 * is matched against the model name and against its last path segment ({@code openai/gpt-4.1-mini} matches
 * {@code gpt-4.1-*}).
 */
final class ModelGlob {

	private final String glob;

	private final Pattern pattern;

	ModelGlob(String glob) {
		this.glob = glob;
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	boolean matches(String model, String provider) {
		if (model == null) {
			return false;
		}
		if (glob.contains("/")) {
			return (provider != null && !provider.isEmpty() && pattern.matcher(provider + "/" + model).matches())
					|| (model.contains("/") && pattern.matcher(model).matches());
		}
		return pattern.matcher(model).matches()
				|| (model.contains("/") && pattern.matcher(model.substring(model.lastIndexOf('/') + 1)).matches());
	}

	@Override
	public String toString() {
		return glob.toLowerCase(Locale.ROOT);
	}

}
