package dev.spendaudit.readday;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import org.springframework.core.Ordered;

/**
 * The day's {@code sourceRead} field: what {@code readDay} did with the day in this process (the step runs again
 * on every start of a day's job, so the digest written after it always finds it here). A day this process did not
 * read (a digest rendered by other means) gets no field.
 */
public class SourceReadSection implements DigestSection, Ordered {

	private final Map<LocalDate, SourceRead> reads = new ConcurrentHashMap<>();

	void record(LocalDate date, SourceRead read) {
		reads.put(date, read);
	}

	@Override
	public int getOrder() {
		// right after the rollup's own fields: it says how to read every figure below
		return 0;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		SourceRead read = reads.get(core.date());
		return read == null ? Map.of() : Map.of("sourceRead", read);
	}

}
