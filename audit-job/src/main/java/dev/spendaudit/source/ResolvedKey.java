package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * What a key named in the settings stands for in LiteLLM's tables.
 *
 * @param matchedBy how it was recognised: {@link #ALIAS}, {@link #KEY_NAME}, {@link #TOKEN_HASH}, or {@link #NONE}
 * @param hashes its key hashes: the live and deleted keys with that alias or key name, and older hashes rotated
 * into them that may still be in their grace period
 * @param lastActive the newest {@code last_active} of its live keys (null where LiteLLM has no such column)
 */
public record ResolvedKey(String matchedBy, Set<String> hashes, LocalDateTime lastActive) {

	public static final String ALIAS = "ALIAS";

	public static final String KEY_NAME = "KEY_NAME";

	public static final String TOKEN_HASH = "TOKEN_HASH";

	public static final String NONE = "NONE";

	public ResolvedKey {
		hashes = Set.copyOf(hashes);
	}

	public String[] hashArray() {
		return hashes.stream().sorted().toArray(String[]::new);
	}

}
