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

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.source.KeyBudget;
import dev.spendaudit.source.LiteLlmSource;
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
		List<Draft> drafts = new ArrayList<>(
				new SpikeRequests(history, gateways, detection).explain(day, series.findings(), own));
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

}
