package dev.spendaudit.baseline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.history.PromptBucketCount;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.MedianRequest;
import dev.spendaudit.source.PromptBucket;
import dev.spendaudit.source.RequestSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection for one audited day: evaluates the series over the stored history (the {@code ensureHistory} step has
 * made sure the days its baselines need are there), checks budgets, unpriced models and attribution, explains each
 * spike with the day's requests, and keeps the digest's baseline and attribution health. Its findings go to the
 * findings pipeline ({@link DetectionRule}), which gives them their memory and stores them.
 */
public class DayDetector {

	private static final Logger log = LoggerFactory.getLogger(DayDetector.class);

	private final HistoryReader history;

	private final KeyHistory keyHistory;

	private final TeamHistory teams;

	private final LiteLlmSource source;

	private final DetectionStore detections;

	private final DetectionSettings detection;

	private final DetectionListSettings lists;

	private final CoveredModels covered;

	private final Clock clock;

	public DayDetector(HistoryReader history, KeyHistory keyHistory, TeamHistory teams, LiteLlmSource source,
			DetectionStore detections, DetectionSettings detection, DetectionListSettings lists, CoveredModels covered,
			Clock clock) {
		this.history = history;
		this.keyHistory = keyHistory;
		this.teams = teams;
		this.source = source;
		this.detections = detections;
		this.detection = detection;
		this.lists = lists;
		this.covered = covered;
		this.clock = clock;
	}

	/** The day's detection findings, before memory; stores the day's baseline and attribution health. */
	public List<Detected> detect(AuditDay day, long jobExecutionId) {
		long started = System.nanoTime();
		LocalDate date = day.date();
		List<KeyModelRow> stored = history.rows(date.minusDays(detection.lookbackDays()), date);
		List<DayRow> rows = stored.stream().map(DayDetector::dayRow).toList();
		List<DayRow> today = rows.stream().filter(r -> r.date().equals(date)).toList();

		SeriesDetector.Result series = new SeriesDetector(detection)
			.detect(SpendHistory.of(date, detection.lookbackDays(), rows, lists.planned()));
		List<Draft> drafts = new ArrayList<>();
		for (Draft d : series.findings()) {
			drafts.add(d.details() instanceof DetectionDetails.Spike ? withRequests(day, d, today) : d);
		}
		List<KeyBudget> budgets = source.keyBudgets(day.toUtc());
		LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
		StoredThenLoggedSpend keySpend = new StoredThenLoggedSpend(keyHistory, RuleDay.DEFAULT_SOURCE,
				source::keySpend);
		drafts.addAll(new BudgetCheck(detection.budget()).check(date, day.toUtc(), now, budgets, rows,
				source.workloads(budgets.stream().map(KeyBudget::apiKey).toList(), day), keySpend));
		drafts.addAll(new TeamBudgetCheck(teams, detection.budget()).check(date, day.toUtc(), now, keySpend));
		drafts.addAll(new TeamSpikeCheck(teams, detection).check(date));
		Map<String, String> workloadOfKey = new HashMap<>();
		today.forEach(r -> workloadOfKey.put(r.apiKey(), r.workload()));
		drafts.addAll(new UnpricedCheck(covered, new FreeModels(lists.freeModels()), detection.unpricedSeverity())
			.check(date, unpriced(stored, date), workloadOfKey));
		AttributionCheck attribution = new AttributionCheck(detection.unattributed());
		AttributionHealth health = attribution.health(today);
		attribution.finding(health).ifPresent(drafts::add);

		detections.replace(date, series.baseline(), health, jobExecutionId);
		log.info("{}: detection found {} in {} ms", date, drafts.size(),
				(System.nanoTime() - started) / 1_000_000);
		return drafts.stream().map(Draft::detected).toList();
	}

	private static DayRow dayRow(KeyModelRow r) {
		return new DayRow(r.date(), r.apiKey(), r.workload(), r.attribution(), r.model(), r.provider(), r.usd(),
				r.requests(), r.promptTokens(), r.completionTokens());
	}

	/** The day's unpriced calls, as the read of the day counted them per key, model and provider. */
	private static List<UnpricedCalls> unpriced(List<KeyModelRow> rows, LocalDate date) {
		return rows.stream()
			.filter(r -> r.date().equals(date) && r.unpricedRequests() > 0)
			.sorted(Comparator.comparing(KeyModelRow::model).thenComparing(KeyModelRow::provider)
				.thenComparing(KeyModelRow::apiKey))
			.map(r -> new UnpricedCalls(r.apiKey(), r.model(), r.provider(), r.unpricedRequests(),
					r.unpricedPromptTokens(), r.unpricedCompletionTokens()))
			.toList();
	}

	/** Adds the driving workload × model's requests of the day: prompt sizes, the median call, the top requests. */
	private Draft withRequests(AuditDay day, Draft draft, List<DayRow> today) {
		Draft.DrillDown pair = draft.drillDown();
		DetectionDetails.Spike spike = (DetectionDetails.Spike) draft.details();
		if (pair == null) {
			return draft;
		}
		Set<String> keys = today.stream()
			.filter(r -> r.workload().equals(pair.workload()) && r.model().equals(pair.model()))
			.map(DayRow::apiKey)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		if (keys.isEmpty()) {
			return draft;
		}
		// the prompt sizes from the day's stored facts; the median and the top requests of these keys and model are
		// the one bounded look at the source's rows
		List<DetectionDetails.PromptBucket> buckets = new ArrayList<>();
		for (PromptBucketCount b : history.promptBuckets(day.date(), keys, pair.model())) {
			buckets.add(new DetectionDetails.PromptBucket(PromptBucket.label(b.minPromptTokens()), b.requests(),
					strip(b.usd())));
		}
		MedianRequest median = source.medianRequest(day, keys, pair.model());
		List<DetectionDetails.TopRequest> top = new ArrayList<>();
		for (RequestSample r : source.topRequests(day, keys, pair.model(), detection.topRequests())) {
			top.add(new DetectionDetails.TopRequest(r.requestId(), UtcTimes.iso(r.startTimeUtc()), r.promptTokens(),
					r.completionTokens(), strip(r.usd())));
		}
		boolean ofTheDay = draft.kind().equals(SeriesDetector.SPIKE);
		return draft.withExplanation(spike.explanation().withRequests(buckets, top,
				ofTheDay ? median.promptTokens() : null, ofTheDay ? median.completionTokens() : null));
	}

	private static java.math.BigDecimal strip(java.math.BigDecimal usd) {
		return usd.signum() == 0 ? java.math.BigDecimal.ZERO : usd.stripTrailingZeros();
	}

}
