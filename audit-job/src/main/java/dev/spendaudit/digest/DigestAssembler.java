package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.digest.DigestDocument.AnomalousRows;
import dev.spendaudit.digest.DigestDocument.Metered;
import dev.spendaudit.digest.DigestDocument.ModelSpend;
import dev.spendaudit.digest.DigestDocument.WorkloadSpend;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.history.StoredDay;
import dev.spendaudit.source.Attribution;

/**
 * Builds a day's {@link DigestDocument} from the history: the day's stored groups summed by workload and model, the
 * day's findings from the findings store, and every section's fields.
 */
public class DigestAssembler {

	private final HistoryReader history;

	private final Clock clock;

	private final List<DigestSection> sections;

	private final FindingStore findings;

	/** true: one alias on two gateways is one workload ({@code spend-audit.merge-workloads-across-sources}). */
	private final boolean mergeWorkloads;

	public DigestAssembler(HistoryReader history, Clock clock, List<DigestSection> sections, FindingStore findings) {
		this(history, clock, sections, findings, false);
	}

	public DigestAssembler(HistoryReader history, Clock clock, List<DigestSection> sections, FindingStore findings,
			boolean mergeWorkloads) {
		this.mergeWorkloads = mergeWorkloads;
		this.history = history;
		this.clock = clock;
		this.sections = sections;
		this.findings = findings;
	}

	public DigestDocument assemble(LocalDate date, long runId, String rerunCommand) {
		return assemble(date, runId, rerunCommand, List.of());
	}

	/**
	 * The day's digest; {@code missedDays} are the other days audited before it in the same catch-up, listed in
	 * its {@code missedDays} field (empty for a day audited on its own).
	 */
	public DigestDocument assemble(LocalDate date, long runId, String rerunCommand, List<LocalDate> missedDays) {
		StoredDay day = history.day(date)
			.orElseThrow(() -> new IllegalStateException("day " + date + " has not been read"));
		List<KeyModelRow> rows = history.rows(date);
		List<WorkloadSpend> workloads = workloads(rows, mergeWorkloads);
		Metered metered = new Metered(
				exact(workloads.stream().map(WorkloadSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add)),
				workloads.stream().mapToLong(WorkloadSpend::requests).sum(),
				workloads.stream().mapToLong(WorkloadSpend::failedRequests).sum(),
				rows.stream().mapToLong(KeyModelRow::cacheHits).sum(),
				workloads.stream().mapToLong(WorkloadSpend::promptTokens).sum(),
				workloads.stream().mapToLong(WorkloadSpend::completionTokens).sum());
		DigestDocument core = DigestDocument.core(date, day.zone(), metered, workloads, anomalousRows(day),
				iso(day.newestRowUtc()), iso(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))), runId, rerunCommand,
				findings.findings(date));
		Map<String, Object> fields = new LinkedHashMap<>();
		for (DigestSection section : sections) {
			fields.putAll(section.fields(core));
		}
		fields.put(MissedDay.FIELD, missedDays.stream()
			.map(d -> MissedDay.of(d, history.usd(d, d), findings.findings(d)))
			.toList());
		return core.with(fields);
	}

	/**
	 * The day's groups by workload, and within it by model and provider, largest first. A workload is its gateway
	 * and its name, unless {@code merge}: then one name is one workload whatever its gateways (its {@code source}
	 * null when it has more than one).
	 */
	private static List<WorkloadSpend> workloads(List<KeyModelRow> rows, boolean merge) {
		Map<String, Map<String, ModelSpend>> models = new LinkedHashMap<>();
		Map<String, Attribution> attribution = new LinkedHashMap<>();
		Map<String, Long> failures = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, Set<String>> sources = new LinkedHashMap<>();
		for (KeyModelRow row : rows) {
			String key = merge ? row.workload() : row.source() + "\u0000" + row.workload();
			names.put(key, row.workload());
			sources.computeIfAbsent(key, k -> new TreeSet<>()).add(row.source());
			KeyModelRow r = row;
			models.computeIfAbsent(key, w -> new LinkedHashMap<>())
				.merge(r.model() + "\u0000" + r.provider(),
						new ModelSpend(r.model(), r.provider(), r.usd(), r.requests(), r.promptTokens(),
								r.completionTokens()),
						(a, b) -> new ModelSpend(a.model(), a.provider(), a.usd().add(b.usd()),
								a.requests() + b.requests(), a.promptTokens() + b.promptTokens(),
								a.completionTokens() + b.completionTokens()));
			// several hashes can share a workload (a rotated key and its successor): show the strongest rule
			attribution.merge(key, r.attribution(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
			failures.merge(key, r.failedRequests(), Long::sum);
		}
		List<WorkloadSpend> workloads = new ArrayList<>();
		models.forEach((key, byModel) -> {
			List<ModelSpend> list = new ArrayList<>();
			byModel.values().forEach(m -> list.add(new ModelSpend(m.model(), m.provider(), exact(m.usd()),
					m.requests(), m.promptTokens(), m.completionTokens())));
			list.sort(Comparator.comparing(ModelSpend::usd).reversed()
				.thenComparing(Comparator.comparingLong(ModelSpend::requests).reversed())
				.thenComparing(ModelSpend::model));
			workloads.add(new WorkloadSpend(names.get(key),
					sources.get(key).size() == 1 ? sources.get(key).iterator().next() : null, attribution.get(key).name(),
					exact(list.stream().map(ModelSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add)),
					list.stream().mapToLong(ModelSpend::requests).sum(), failures.get(key),
					list.stream().mapToLong(ModelSpend::promptTokens).sum(),
					list.stream().mapToLong(ModelSpend::completionTokens).sum(), List.copyOf(list)));
		});
		workloads.sort(Comparator.comparing(WorkloadSpend::usd).reversed()
			.thenComparing(Comparator.comparingLong(WorkloadSpend::requests).reversed())
			.thenComparing(WorkloadSpend::workload)
			.thenComparing(w -> w.source() == null ? "" : w.source()));
		return workloads;
	}

	private static AnomalousRows anomalousRows(StoredDay day) {
		var samples = day.anomalousSamples()
			.stream()
			.map(a -> new AnomalousRows.Sample(a.requestId(), iso(a.startTimeUtc()), a.reason()))
			.toList();
		// invalid_spend_rows counts every row left out for its spend; the JSON tells the implausible ones apart
		long implausible = day.implausibleSpendRows();
		return new AnomalousRows(day.invalidSpendRows() + day.invalidMetadataRows(),
				day.invalidSpendRows() - implausible, day.invalidMetadataRows(), implausible, samples);
	}

	/** Money without trailing zeros, so 0.123000 prints as 0.123. */
	static BigDecimal exact(BigDecimal usd) {
		if (usd == null || usd.signum() == 0) {
			return BigDecimal.ZERO;
		}
		return usd.stripTrailingZeros();
	}

	static String iso(LocalDateTime utc) {
		return UtcTimes.iso(utc);
	}

}
