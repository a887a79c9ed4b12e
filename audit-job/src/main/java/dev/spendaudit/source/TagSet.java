package dev.spendaudit.source;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The day's requests that carried exactly one set of {@code request_tags}: every request is in one tag set, so the
 * tag sets' figures add up to the day's.
 *
 * @param tags the set's distinct tags, sorted; empty for untagged requests (no tags, SQL NULL, or a JSON value that
 * is not an array)
 * @param usd the valid spend, as the day's groups count it
 * @param notArrayRows rows among {@code requests} whose {@code request_tags} was JSON but not an array (only in the
 * untagged set)
 */
public record TagSet(List<String> tags, long requests, long failedRequests, BigDecimal usd, long promptTokens,
		long completionTokens, long notArrayRows) {

	/** Untagged first, then element by element, a shorter set before the longer one it starts. */
	public static final Comparator<List<String>> ORDER = (a, b) -> {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int c = a.get(i).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	};

	public TagSet {
		tags = List.copyOf(tags);
		usd = usd == null ? BigDecimal.ZERO : usd;
	}

	/** Whether the set is that of the untagged requests. */
	public boolean untagged() {
		return tags.isEmpty();
	}

	TagSet plus(TagSet other) {
		return new TagSet(tags, requests + other.requests, failedRequests + other.failedRequests,
				usd.add(other.usd), promptTokens + other.promptTokens, completionTokens + other.completionTokens,
				notArrayRows + other.notArrayRows);
	}

}
