package dev.spendaudit.baseline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.core.Finding;
import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.rollup.SpendRollup;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.PromptSizes;
import dev.spendaudit.source.RequestSample;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;

/**
 * Detection for one audited day: makes sure the days its baselines need are rolled up, evaluates the series,
 * checks budgets, unpriced models and attribution, explains each spike with the day's requests, gives every
 * finding its state across nights and stores the lot.
 */
public class DayDetector {

	/** Prompt-size buckets: <1k, 1–8k, 8–32k, 32–128k, >128k tokens. */
	static final long[] PROMPT_BOUNDS = { 1_000, 8_000, 32_000, 128_000 };

	static final List<String> PROMPT_LABELS = List.of("<1k", "1–8k", "8–32k", "32–128k", ">128k");

	private static final Logger log = LoggerFactory.getLogger(DayDetector.class);

	private final DSLContext store;

	private final LiteLlmSource source;

	private final SpendRollup rollup;

	private final FindingStore findings;

	private final DetectionSettings detection;

	private final DetectionListSettings lists;

	private final ZoneId zone;

	private final CoveredModels covered;

	private final Clock clock;

	public DayDetector(DSLContext store, LiteLlmSource source, SpendRollup rollup, FindingStore findings,
			DetectionSettings detection, DetectionListSettings lists, ZoneId zone, CoveredModels covered, Clock clock) {
		this.store = store;
		this.source = source;
		this.rollup = rollup;
		this.findings = findings;
		this.detection = detection;
		this.lists = lists;
		this.zone = zone;
		this.covered = covered;
		this.clock = clock;
	}

	public List<Finding> detect(AuditDay day, long jobExecutionId) {
		long started = System.nanoTime();
		LocalDate date = day.date();
		int backfilled = backfill(date, detection.lookbackDays(), jobExecutionId);
		List<DayRow> rows = rows(date.minusDays(detection.lookbackDays()), date);
		List<DayRow> today = rows.stream().filter(r -> r.date().equals(date)).toList();

		SeriesDetector.Result series = new SeriesDetector(detection)
			.detect(SpendHistory.of(date, detection.lookbackDays(), rows, lists.planned()));
		List<Draft> drafts = new ArrayList<>();
		for (Draft d : series.findings()) {
			drafts.add(d.details() instanceof DetectionDetails.Spike ? withRequests(day, d, today) : d);
		}
		List<KeyBudget> budgets = source.keyBudgets(day.toUtc());
		LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
		drafts.addAll(new BudgetCheck(detection.budget()).check(date, day.toUtc(), now, budgets, rows,
				source.workloads(budgets.stream().map(KeyBudget::apiKey).toList(), day),
				(key, from, to) -> source.keySpend(key, from, to).doubleValue()));
		Map<String, String> workloadOfKey = new HashMap<>();
		today.forEach(r -> workloadOfKey.put(r.apiKey(), r.workload()));
		drafts.addAll(new UnpricedCheck(covered, new FreeModels(lists.freeModels()), detection.unpricedSeverity())
			.check(date, source.unpricedCalls(day), workloadOfKey));
		AttributionCheck attribution = new AttributionCheck(detection.unattributed());
		AttributionHealth health = attribution.health(today);
		attribution.finding(health).ifPresent(drafts::add);
		drafts.sort(ORDER);

		FindingMemory memory = new FindingMemory(date, findings.between(date.minusDays(1), date.minusDays(1)),
				findings.between(date.plusDays(1), date.plusDays(detection.lookbackDays())));
		List<Finding> result = drafts.stream().map(d -> d.finish(memory.stateOf(d))).toList();
		findings.replace(date, drafts, result, series.baseline(), health, jobExecutionId);
		log.info("{}: {} findings ({}){} in {} ms", date, result.size(), Severity.status(result),
				backfilled > 0 ? ", " + backfilled + " earlier days rolled up for the baseline" : "",
				(System.nanoTime() - started) / 1_000_000);
		return result;
	}

	/** Worst first; then spikes and drift, budgets, unpriced models, attribution, new series; larger money first. */
	static final Comparator<Draft> ORDER = Comparator.comparing(Draft::severity)
		.reversed()
		.thenComparing(d -> List.of(SeriesDetector.SPIKE, SeriesDetector.DRIFT, Kinds.BUDGET, Kinds.UNPRICED,
				Kinds.UNATTRIBUTED, SeriesDetector.NEW_WORKLOAD, SeriesDetector.NEW_MODEL).indexOf(d.kind()))
		.thenComparing(d -> d.actualUsd() == null ? java.math.BigDecimal.ZERO : d.actualUsd(), Comparator.reverseOrder())
		.thenComparing(Draft::subject);

	/**
	 * Rolls up every day of the lookback the store does not have yet (no digest for them), so baselines see the
	 * whole history even on the first night. Days without traffic are stored as empty days: zero, not missing.
	 */
	private int backfill(LocalDate date, int lookback, long jobExecutionId) {
		Set<LocalDate> stored = new HashSet<>(store.select(AUDIT_DAY.AUDIT_DATE)
			.from(AUDIT_DAY)
			.where(AUDIT_DAY.AUDIT_DATE.between(date.minusDays(lookback), date.minusDays(1)))
			.fetch(AUDIT_DAY.AUDIT_DATE));
		int n = 0;
		for (LocalDate d = date.minusDays(lookback); d.isBefore(date); d = d.plusDays(1)) {
			if (!stored.contains(d)) {
				rollup.rollup(AuditDay.of(d, zone), jobExecutionId);
				n++;
			}
		}
		return n;
	}

	private List<DayRow> rows(LocalDate from, LocalDate to) {
		var k = KEY_MODEL_DAY;
		return store.select(k.AUDIT_DATE, k.API_KEY, k.WORKLOAD, k.ATTRIBUTION, k.MODEL, k.PROVIDER, k.USD, k.REQUESTS,
				k.PROMPT_TOKENS, k.COMPLETION_TOKENS)
			.from(k)
			.where(k.AUDIT_DATE.between(from, to))
			.orderBy(k.AUDIT_DATE, k.WORKLOAD, k.MODEL, k.PROVIDER, k.API_KEY)
			.fetch(r -> new DayRow(r.value1(), r.value2(), r.value3(), Attribution.valueOf(r.value4()), r.value5(),
					r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
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
		PromptSizes sizes = source.promptSizes(day, keys, pair.model(), PROMPT_BOUNDS);
		List<DetectionDetails.PromptBucket> buckets = new ArrayList<>();
		for (int i = 0; i < sizes.buckets().size(); i++) {
			PromptSizes.Bucket b = sizes.buckets().get(i);
			buckets.add(new DetectionDetails.PromptBucket(PROMPT_LABELS.get(i), b.requests(), strip(b.usd())));
		}
		List<DetectionDetails.TopRequest> top = new ArrayList<>();
		for (RequestSample r : source.topRequests(day, keys, pair.model(), detection.topRequests())) {
			top.add(new DetectionDetails.TopRequest(r.requestId(), UtcTimes.iso(r.startTimeUtc()), r.promptTokens(),
					r.completionTokens(), strip(r.usd())));
		}
		boolean ofTheDay = draft.kind().equals(SeriesDetector.SPIKE);
		return draft.withExplanation(spike.explanation().withRequests(buckets, top,
				ofTheDay ? sizes.medianPromptTokens() : null, ofTheDay ? sizes.medianCompletionTokens() : null));
	}

	private static java.math.BigDecimal strip(java.math.BigDecimal usd) {
		return usd.signum() == 0 ? java.math.BigDecimal.ZERO : usd.stripTrailingZeros();
	}

}
