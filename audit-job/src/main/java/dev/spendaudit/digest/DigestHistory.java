package dev.spendaudit.digest;

import java.time.LocalDate;

import dev.spendaudit.history.HistoryReader;

/**
 * The audited day's {@link History}, read from the store once per digest: the JSON's comparison
 * ({@link HistorySection}) and the charts ({@link DigestRenderer}) share the one read. {@code writeDigest}
 * forgets it before each digest, so a day audited again in the same process reads what its rerun stored.
 */
final class DigestHistory {

	private final HistoryReader reader;

	private History loaded;

	DigestHistory(HistoryReader reader) {
		this.reader = reader;
	}

	/** The history up to {@code date}: read on the first call for that date, then kept. */
	synchronized History of(LocalDate date) {
		if (loaded == null || !loaded.date().equals(date)) {
			loaded = History.load(reader, date);
		}
		return loaded;
	}

	/** Drops what was read: the next digest reads the store again. */
	synchronized void forget() {
		loaded = null;
	}

}
