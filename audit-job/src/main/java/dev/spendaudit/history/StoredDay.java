package dev.spendaudit.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.spendaudit.source.AnomalousRow;
import dev.spendaudit.source.LogFreshness;

/**
 * A day in the store: its window, when and by which job it was read, whether it was audited, and what each source's
 * read saw besides the groups.
 *
 * @param jobExecutionId the job execution that last read the day's facts
 * @param auditedAt when the day's own job wrote its digest; null for a day that is only rolled up
 */
public record StoredDay(LocalDate date, String zone, LocalDateTime windowStartUtc, LocalDateTime windowEndUtc,
		Long jobExecutionId, LocalDateTime computedAt, LocalDateTime auditedAt, List<Source> sources) {

	public StoredDay {
		Objects.requireNonNull(date, "date must not be null");
		sources = List.copyOf(sources);
	}

	/** Whether the day's own job ran and wrote its digest (not just rolled up as history). */
	public boolean audited() {
		return auditedAt != null;
	}

	/** The newest row before the day's end, over every source. */
	public LocalDateTime newestRowUtc() {
		return sources.stream().map(Source::newestRowUtc).filter(Objects::nonNull).max(LocalDateTime::compareTo)
			.orElse(null);
	}

	/** The newest row before the day's end of the named source (gateway), null when it has none or was not read. */
	public LocalDateTime newestRowUtc(String source) {
		return sources.stream().filter(s -> s.source().equals(source)).map(Source::newestRowUtc)
			.filter(Objects::nonNull).findFirst().orElse(null);
	}

	public long invalidSpendRows() {
		return sources.stream().mapToLong(Source::invalidSpendRows).sum();
	}

	/** Rows of finite spend above the plausible cost of one request (among {@link #invalidSpendRows()}). */
	public long implausibleSpendRows() {
		return sources.stream().mapToLong(Source::implausibleSpendRows).sum();
	}

	public long invalidMetadataRows() {
		return sources.stream().mapToLong(Source::invalidMetadataRows).sum();
	}

	/** The anomalous rows kept as examples, oldest first. */
	public List<AnomalousRow> anomalousSamples() {
		return sources.stream().flatMap(s -> s.anomalousSamples().stream()).sorted(Comparator
			.comparing(AnomalousRow::startTimeUtc).thenComparing(AnomalousRow::requestId)).toList();
	}

	/** The freshness lookups of the named source, or null when the day was only rolled up. */
	public LogFreshness freshness(String source) {
		return sources.stream().filter(s -> s.source().equals(source)).map(Source::freshness).findFirst().orElse(null);
	}

	/**
	 * One source's read of the day.
	 *
	 * @param detailed false for days of release 0.1.0, which have no prompt sizes, UTC hours or UTC dates
	 * @param invalidSpendRows every row left out of the sums for its spend
	 * @param implausibleSpendRows those of them whose spend was finite but above the plausible cost of one request
	 * @param freshness the freshness lookups, null unless the day was audited
	 */
	public record Source(String source, boolean detailed, LocalDateTime newestRowUtc, long invalidSpendRows,
			long implausibleSpendRows, long invalidMetadataRows, LogFreshness freshness, List<AnomalousRow> anomalousSamples) {
	}

}
