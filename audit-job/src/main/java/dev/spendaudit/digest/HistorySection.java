package dev.spendaudit.digest;

import java.util.Map;

/**
 * The digest's {@code history} field: the day's metered spend against the day before and the 7- and 30-day
 * averages of the stored days before it, audited or rolled up ({@link SpendComparison}).
 */
class HistorySection implements DigestSection {

	/** The field's name in the JSON, and the key in {@link DigestDocument#sections()}. */
	static final String NAME = "history";

	private final DigestHistory history;

	HistorySection(DigestHistory history) {
		this.history = history;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		return Map.of(NAME, history.of(core.date()).comparison());
	}

}
