package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.spendaudit.core.AuditDay;

/**
 * Everything one read of a day of one source's spend log yields: the groups by key hash × model × provider, the
 * prompt-size buckets, the UTC-hour and UTC-date figures, the tag sets, the workload and team of every key hash, the
 * anomalous rows, and
 * (for an audited day) how current the log is.
 *
 * @param source the gateway the facts came from ({@link SourceSettings#DEFAULT_NAME} while there is one)
 * @param workloads the workload of every key hash in {@code groups}
 * @param metadata what the read saw in the {@code metadata} it looked at
 * @param anomalousSamples a few of the rows with invalid spend or non-object metadata, oldest first
 * @param implausibleSpendRows rows of finite spend above the plausible cost of one request (among the groups'
 * {@code invalidSpendRows})
 * @param newestRowUtc the newest row that started before the day's end (null when there is none)
 * @param rowSpan the day's own first and last row and longest gap between two of them, null when the day was
 * read from the legacy table (whose rows the freshness lookups do not see)
 * @param callers the callers of the watched (retiring) key hashes the read counted, one entry per watched hash
 * (empty hints for a hash without calls); none when no key was watched
 * @param freshness the freshness lookups, or null for a day that is only rolled up
 * @param tagSets the day's requests by exact set of {@code request_tags}, untagged first: they add up to the groups
 * @param teams the team of every key hash in {@code groups} that has one (a hash without is "no team")
 */
public record DayFacts(AuditDay day, String source, List<SpendGroup> groups, List<PromptBucket> promptBuckets,
		List<ProviderHour> providerHours, List<KeyUtcDate> keyUtcDates, Map<String, Workload> workloads,
		MetadataRead metadata, List<AnomalousRow> anomalousSamples, long implausibleSpendRows,
		LocalDateTime newestRowUtc, DayRowSpan rowSpan, Map<String, CallerHints> callers,
		LogFreshness freshness, List<TagSet> tagSets, Map<String, Team> teams) {

	public DayFacts {
		Objects.requireNonNull(day, "day must not be null");
		Objects.requireNonNull(source, "source must not be null");
		groups = List.copyOf(groups);
		promptBuckets = List.copyOf(promptBuckets);
		providerHours = List.copyOf(providerHours);
		keyUtcDates = List.copyOf(keyUtcDates);
		workloads = Map.copyOf(workloads);
		anomalousSamples = List.copyOf(anomalousSamples);
		callers = callers == null ? Map.of() : Map.copyOf(callers);
		tagSets = tagSets == null ? List.of() : List.copyOf(tagSets);
		teams = teams == null ? Map.of() : Map.copyOf(teams);
	}

	/** The group's workload: the one its requests' tag names, else its key's. */
	public Workload workloadOf(SpendGroup group) {
		return group.tagWorkload() != null ? new Workload(group.tagWorkload(), Attribution.TAG)
				: workloads.get(group.apiKey());
	}

	public long invalidSpendRows() {
		return groups.stream().mapToLong(SpendGroup::invalidSpendRows).sum();
	}

	/** The same facts with the freshness lookups of an audited day. */
	public DayFacts withFreshness(LogFreshness lookups) {
		return new DayFacts(day, source, groups, promptBuckets, providerHours, keyUtcDates, workloads, metadata,
				anomalousSamples, implausibleSpendRows, newestRowUtc, rowSpan, callers, lookups, tagSets, teams);
	}

	/**
	 * The rows whose {@code metadata} the read looked at (those of key hashes no key table names) and how many of
	 * them held something other than a JSON object.
	 */
	public record MetadataRead(long rowsRead, long invalidRows) {

		public static final MetadataRead NONE = new MetadataRead(0, 0);

	}

}
