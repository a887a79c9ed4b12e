package dev.spendaudit.baseline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The models listed as free in {@code spend-audit.free-models} (local models): names or globs ({@code *} any
 * characters, {@code ?} one), matched case-insensitively against the model name and against
 * {@code provider/model}, so {@code ollama/*} frees every Ollama model.
 */
public final class FreeModels {

	private final List<Pattern> patterns;

	public FreeModels(List<String> globs) {
		this.patterns = globs.stream().filter(g -> g != null && !g.isBlank()).map(FreeModels::compile).toList();
	}

	public boolean isFree(String model, String provider) {
		String qualified = (provider == null || provider.isEmpty()) ? model : provider + "/" + model;
		return patterns.stream().anyMatch(p -> p.matcher(model).matches() || p.matcher(qualified).matches());
	}

	private static Pattern compile(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.trim().toLowerCase(Locale.ROOT).toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
