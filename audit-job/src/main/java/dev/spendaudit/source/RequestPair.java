package dev.spendaudit.source;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose requests a spike's explanation reads: some key hashes on one model, and of their requests those that name
 * {@code tagWorkload} in a tag ({@code spend-audit.tags.workload-prefix}), or, for null, those that name none.
 *
 * @param apiKeys the key hashes, sorted
 */
public record RequestPair(Set<String> apiKeys, String model, String tagWorkload) {

	public RequestPair {
		apiKeys = Collections.unmodifiableSortedSet(new TreeSet<>(apiKeys));
		Objects.requireNonNull(model, "model must not be null");
	}

}
