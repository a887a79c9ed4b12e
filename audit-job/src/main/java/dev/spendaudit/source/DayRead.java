package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;

import dev.spendaudit.core.AuditDay;
import org.jooq.DSLContext;

/**
 * One read of a day of one source's spend log ({@link LiteLlmSource#readDay}): the day's one statement, then the
 * key tables for the hashes it found, examples of anomalous rows only when it counted any, the newest row and the
 * day's row span; from the spend log or, for a day only it still holds, from the legacy table.
 */
final class DayRead {

	/** Anomalous rows kept as examples per day. */
	static final int ANOMALY_SAMPLES = 20;

	private final String name;

	private final DSLContext dsl;

	private final DaySpendScan scan;

	/** The same scan over the legacy spend log, null when there is none this role may read. */
	private final DaySpendScan legacyScan;

	private final SourceCapabilities legacyCapabilities;

	private final KeyDirectory keys;

	private final KeyTeams teams;

	private final WorkloadResolver resolver;

	private final FreshnessScan freshness;

	/** A source's read of a day with {@code scan}, and the same scan over the legacy table where it may be read. */
	DayRead(String name, DSLContext dsl, SourceCapabilities capabilities, DaySpendScan scan,
			AnomalousSettings anomalous, TagWorkloadSettings tags, WorkloadResolver resolver, FreshnessScan freshness) {
		this.name = name;
		this.dsl = dsl;
		this.scan = scan;
		this.legacyCapabilities = capabilities.legacySpendLog();
		this.legacyScan = legacyCapabilities == null ? null
				: DaySpendScan.legacy(dsl, legacyCapabilities, anomalous, tags);
		this.keys = new KeyDirectory(dsl, capabilities);
		this.teams = new KeyTeams(dsl, capabilities);
		this.resolver = resolver;
		this.freshness = freshness;
	}

	/** See {@link LiteLlmSource#coverage}. */
	DayCoverage coverage(AuditDay day) {
		LocalDateTime oldest = scan.oldestRow();
		if (oldest != null && oldest.isBefore(day.toUtc())) {
			return new DayCoverage(DayCoverage.SPEND_LOGS, true, oldest);
		}
		if (legacyScan != null && legacyScan.hasRows(day)) {
			return new DayCoverage(DayCoverage.LEGACY_SPEND_LOGS, true, oldest);
		}
		return new DayCoverage(DayCoverage.SPEND_LOGS, false, oldest);
	}

	/** See {@link LiteLlmSource#readDay(AuditDay, DayCoverage, Set)}. */
	DayFacts read(AuditDay day, DayCoverage coverage, Set<String> watched) {
		boolean alone = SideBySide.enter();
		try {
			return read(day, coverage, watched, alone);
		}
		finally {
			SideBySide.leave();
		}
	}

	/** The read, {@code sideBySide} on the source's helper threads as well. */
	private DayFacts read(AuditDay day, DayCoverage coverage, Set<String> watched, boolean sideBySide) {
		boolean legacy = coverage.fromLegacy() && legacyScan != null;
		DaySpendScan from = legacy ? legacyScan : scan;
		// the row span (an index-only pass over "startTime") runs beside the day's statement, not after it
		Future<DayRowSpan> span = legacy || !sideBySide ? null
				: SideBySide.start(() -> freshness.rowSpan(day.fromUtc(), day.toUtc()));
		Scan facts = from.scan(day, legacy ? Set.of() : watched, sideBySide);
		Set<String> hashes = new TreeSet<>();
		facts.groups().forEach(g -> hashes.add(g.apiKey()));
		KeyDirectory.Lookup lookup = legacy
				? keys.lookup(hashes, day.fromUtc(), day.toUtc(), ANOMALY_SAMPLES,
						new RequestMetadata(dsl, legacyCapabilities, DayCoverage.LEGACY_SPEND_LOGS))
				: keys.lookup(hashes, day.fromUtc(), day.toUtc(), ANOMALY_SAMPLES);
		Map<String, Workload> workloads = new HashMap<>();
		lookup.facts().forEach((key, f) -> workloads.put(key, resolver.resolve(f)));
		List<AnomalousRow> samples = new ArrayList<>(lookup.samples());
		long implausible = 0;
		if (facts.groups().stream().anyMatch(g -> g.invalidSpendRows() > 0)) {
			samples.addAll(from.invalidSpendRows(day, ANOMALY_SAMPLES));
			implausible = from.implausibleSpendRows(day);
		}
		samples.sort(Comparator.comparing(AnomalousRow::startTimeUtc).thenComparing(AnomalousRow::requestId));
		return new DayFacts(day, name, facts.groups(), facts.promptBuckets(), facts.providerHours(),
				facts.keyUtcDates(), workloads, lookup.metadata(),
				samples.subList(0, Math.min(ANOMALY_SAMPLES, samples.size())), implausible,
				from.newestRowBefore(day.toUtc()), span != null ? SideBySide.join(span)
						: legacy ? null : freshness.rowSpan(day.fromUtc(), day.toUtc()),
				facts.callerHints(), null, facts.tagSetList(),
				teams.of(hashes.stream().filter(k -> !k.isEmpty()).toArray(String[]::new), lookup.logTeams()));
	}

	/** The LiteLLM team of each key hash the key tables put in one, as of now. */
	Map<String, Team> teams(String[] apiKeys) {
		return teams.of(apiKeys, Map.of());
	}

	/** The facts the key tables and request aliases give each key hash, in {@code [fromUtc, toUtc)}. */
	Map<String, Workload> workloads(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc) {
		Map<String, Workload> workloads = new HashMap<>();
		keys.facts(apiKeys, fromUtc, toUtc).forEach((key, f) -> workloads.put(key, resolver.resolve(f)));
		return workloads;
	}

}
