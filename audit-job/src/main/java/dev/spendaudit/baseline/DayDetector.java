package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.history.PromptBucketCount;
import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.MedianRequest;
import dev.spendaudit.source.PairRequests;
import dev.spendaudit.source.PromptBucket;
import dev.spendaudit.source.RequestSample;
import dev.spendaudit.source.SourceGateways;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection for one audited day: evaluates the series over the stored history (the {@code ensureHistory} step has
 * made sure the days its baselines need are there), checks budgets, unpriced models and attribution, explains each
 * spike with the day's requests, and keeps the digest's baseline and attribution health. Its findings go to the
 * findings pipeline ({@link DetectionRule}), which gives them their memory and stores them.
 * <p>
 * With several gateways each one's workloads have their own series, budgets and findings (run once per gateway),
 * and the fleet's total its own series ({@link FleetTotal}); with one gateway, or with
 * {@code spend-audit.merge-workloads-across-sources}, one evaluation covers the fleet, under the first gateway.
 */
public class DayDetector {

	private static final Logger log = LoggerFactory.getLogger(DayDetector.class);

	private final HistoryReader history;

	private final KeyHistory keyHistory;

	private final TeamHistory teams;

	private final SourceGateways gateways;

	private final DetectionStore detections;

	private final DetectionSettings detection;

	private final DetectionListSettings lists;

	private final CoveredModels covered;

	private final Clock clock;

	public DayDetector(HistoryReader history, KeyHistory keyHistory, TeamHistory teams, SourceGateways gateways,
			DetectionStore detections, DetectionSettings detection, DetectionListSettings lists, CoveredModels covered,
			Clock clock) {
		this.history = history;
		this.keyHistory = keyHistory;
		this.teams = teams;
		this.gateways = gateways;
		this.detections = detections;
		this.detection = detection;
		this.lists = lists;
		this.covered = covered;
		this.clock = clock;
	}

	/** Whether each gateway's workloads are series of their own (several gateways, workloads not merged). */
	boolean perGateway() {
		return gateways.several() && !gateways.mergeWorkloads();
	}

	/**
	 * The day's detection findings of one gateway, before memory; on the fleet's run (the first gateway) it also
	 * stores the day's baseline and attribution health.
	 *
	 * @param fleet whether this run carries the fleet-wide findings and the day's stored baseline
	 */
	public List<Detected> detect(AuditDay day, String gateway, long jobExecutionId, boolean fleet) {
		if (!perGateway() && !fleet) {
			return List.of();
		}
		long started = System.nanoTime();
		LocalDate date = day.date();
		List<KeyModelRow> stored = history.rows(date.minusDays(detection.lookbackDays()), date);
		List<KeyModelRow> own = perGateway() ? stored.stream().filter(r -> r.source().equals(gateway)).toList()
				: stored;
		List<DayRow> rows = own.stream().map(DayDetector::dayRow).toList();
		List<DayRow> today = rows.stream().filter(r -> r.date().equals(date)).toList();
		List<PlannedWindow> planned = lists.planned()
			.stream()
			.filter(p -> !perGateway() || p.appliesTo(gateway))
			.toList();

		SeriesDetector.Result series = new SeriesDetector(detection)
			.detect(SpendHistory.of(date, detection.lookbackDays(), rows, planned));
		Set<Draft> drilled = drilled(series.findings());
		List<Draft> drafts = new ArrayList<>();
		for (Draft d : series.findings()) {
			drafts.add(d.details() instanceof DetectionDetails.Spike ? withRequests(day, d, own, drilled.contains(d)) : d);
		}
		LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
		for (LiteLlmSource reader : readers(gateway)) {
			drafts.addAll(budgets(day, now, reader, own));
		}
		Map<String, String> workloadOfKey = new HashMap<>();
		today.forEach(r -> workloadOfKey.put(r.apiKey(), r.workload()));
		drafts.addAll(new UnpricedCheck(covered, new FreeModels(lists.freeModels()), detection.unpricedSeverity())
			.check(date, unpriced(own, date), workloadOfKey));
		if (fleet) {
			drafts.addAll(fleetFindings(day, now, stored, series, jobExecutionId));
		}
		log.info("{}: detection found {} on {} in {} ms", date, drafts.size(), gateway,
				(System.nanoTime() - started) / 1_000_000);
		return drafts.stream().map(Draft::detected).toList();
	}

	/** The findings about the whole fleet: team budgets and spikes, attribution, the fleet's total. */
	private List<Draft> fleetFindings(AuditDay day, LocalDateTime now, List<KeyModelRow> stored,
			SeriesDetector.Result series, long jobExecutionId) {
		LocalDate date = day.date();
		List<Draft> drafts = new ArrayList<>();
		StoredThenLoggedSpend keySpend = new StoredThenLoggedSpend(keyHistory, gateways.primary().name(),
				gateways.primary()::keySpend);
		drafts.addAll(new TeamBudgetCheck(teams, detection.budget()).check(date, day.toUtc(), now, keySpend));
		drafts.addAll(new TeamSpikeCheck(teams, detection).check(date));
		List<DayRow> all = stored.stream().map(DayDetector::dayRow).toList();
		AttributionCheck attribution = new AttributionCheck(detection.unattributed());
		AttributionHealth health = attribution.health(all.stream().filter(r -> r.date().equals(date)).toList());
		attribution.finding(health).ifPresent(drafts::add);
		BaselineSummary baseline = series.baseline();
		if (perGateway()) {
			FleetTotal fleet = new FleetTotal(detection, lists.planned());
			drafts.addAll(fleet.findings(date, stored));
			// the digest's baseline line is the fleet's: every gateway's workloads in one set of series
			baseline = new SeriesDetector(detection)
				.baseline(SpendHistory.of(date, detection.lookbackDays(), all, lists.planned()));
		}
		detections.replace(date, baseline, health, jobExecutionId);
		return drafts;
	}

	/**
	 * The gateways whose key budgets this run checks: its own; on the one fleet-wide run, every reachable one (a
	 * key's budget lives in its own gateway's key table). An unreachable gateway has none.
	 */
	private List<LiteLlmSource> readers(String gateway) {
		return perGateway() ? gateways.named(gateway).stream().toList() : gateways.reachable();
	}

	/** BUDGET for the keys of one gateway, its stored days read back before its spend log. */
	private List<Draft> budgets(AuditDay day, LocalDateTime now, LiteLlmSource reader, List<KeyModelRow> own) {
		List<KeyBudget> budgets = reader.keyBudgets(day.toUtc());
		if (budgets.isEmpty()) {
			return List.of();
		}
		List<DayRow> rows = own.stream()
			.filter(r -> r.source().equals(reader.name()))
			.map(DayDetector::dayRow)
			.toList();
		StoredThenLoggedSpend keySpend = new StoredThenLoggedSpend(keyHistory, reader.name(), reader::keySpend);
		return new BudgetCheck(detection.budget()).check(day.date(), day.toUtc(), now, budgets, rows,
				reader.workloads(budgets.stream().map(KeyBudget::apiKey).toList(), day), keySpend);
	}

	static DayRow dayRow(KeyModelRow r) {
		return new DayRow(r.date(), r.apiKey(), r.workload(), r.attribution(), r.model(), r.provider(), r.usd(),
				r.requests(), r.promptTokens(), r.completionTokens());
	}

	/** The day's unpriced calls, as the read of the day counted them per key, model and provider. */
	private static List<UnpricedCalls> unpriced(List<KeyModelRow> rows, LocalDate date) {
		return rows.stream()
			.filter(r -> r.date().equals(date) && r.unpricedRequests() > 0)
			.sorted(Comparator.comparing(KeyModelRow::model).thenComparing(KeyModelRow::provider)
				.thenComparing(KeyModelRow::apiKey))
			.map(r -> new UnpricedCalls(r.source(), r.apiKey(), r.model(), r.provider(), r.unpricedRequests(),
					r.unpricedPromptTokens(), r.unpricedCompletionTokens()))
			.toList();
	}

	/**
	 * The spikes whose requests are read from the source: the loudest, then largest excess, up to
	 * {@code detection.drillDowns}. Each read passes over the day's rows of its keys (LiteLLM has no index on
	 * {@code api_key}), so a first night on which every series is new does not pass over the day a hundred times.
	 */
	private Set<Draft> drilled(List<Draft> findings) {
		Set<Draft> drilled = Collections.newSetFromMap(new IdentityHashMap<>());
		findings.stream()
			.filter(d -> d.details() instanceof DetectionDetails.Spike && d.drillDown() != null)
			.sorted(Comparator.comparing(Draft::severity, Comparator.reverseOrder())
				.thenComparing(d -> ((DetectionDetails.Spike) d.details()).excessUsd(),
						Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()).reversed()))
			.limit(detection.drillDowns())
			.forEach(drilled::add);
		return drilled;
	}

	/**
	 * Adds the driving workload × model's requests of the day: prompt sizes (stored), and when {@code readSource} the
	 * median call and the top requests, from the gateway that logged most of the pair's spend (the only one, but
	 * with merged workloads).
	 */
	private Draft withRequests(AuditDay day, Draft draft, List<KeyModelRow> own, boolean readSource) {
		Draft.DrillDown pair = draft.drillDown();
		DetectionDetails.Spike spike = (DetectionDetails.Spike) draft.details();
		if (pair == null) {
			return draft;
		}
		Map<String, BigDecimal> spendBySource = new HashMap<>();
		Map<String, Set<String>> keysBySource = new HashMap<>();
		String tagWorkload = null;
		for (KeyModelRow r : own) {
			if (r.date().equals(day.date()) && r.workload().equals(pair.workload()) && r.model().equals(pair.model())) {
				// a workload a tag names: only its own requests of those keys (which may carry others' too)
				tagWorkload = r.attribution() == Attribution.TAG ? r.workload() : tagWorkload;
				spendBySource.merge(r.source(), r.usd(), BigDecimal::add);
				keysBySource.computeIfAbsent(r.source(), k -> new TreeSet<>()).add(r.apiKey());
			}
		}
		Optional<LiteLlmSource> reader = spendBySource.entrySet()
			.stream()
			.max(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry::getKey,
					Comparator.reverseOrder()))
			.flatMap(e -> gateways.named(e.getKey()));
		if (reader.isEmpty()) {
			return draft;
		}
		Set<String> keys = keysBySource.get(reader.get().name());
		// the prompt sizes from the day's stored facts; the median and the top requests of these keys and model are
		// the one bounded look at the source's rows
		List<DetectionDetails.PromptBucket> buckets = new ArrayList<>();
		for (PromptBucketCount b : history.promptBuckets(day.date(), keys, pair.model())) {
			buckets.add(new DetectionDetails.PromptBucket(PromptBucket.label(b.minPromptTokens()), b.requests(),
					strip(b.usd())));
		}
		if (!readSource) {
			return draft.withExplanation(spike.explanation().withRequests(buckets, List.of(), null, null));
		}
		PairRequests requests = reader.get().pairRequests(day, keys, pair.model(), tagWorkload,
				detection.topRequests());
		MedianRequest median = requests.median();
		List<DetectionDetails.TopRequest> top = new ArrayList<>();
		for (RequestSample r : requests.top()) {
			top.add(new DetectionDetails.TopRequest(r.requestId(), UtcTimes.iso(r.startTimeUtc()), r.promptTokens(),
					r.completionTokens(), strip(r.usd())));
		}
		boolean ofTheDay = draft.kind().equals(SeriesDetector.SPIKE);
		return draft.withExplanation(spike.explanation().withRequests(buckets, top,
				ofTheDay ? median.promptTokens() : null, ofTheDay ? median.completionTokens() : null));
	}

	private static BigDecimal strip(BigDecimal usd) {
		return usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

}
