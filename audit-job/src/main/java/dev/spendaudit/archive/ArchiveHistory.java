package dev.spendaudit.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.AuditedDay;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.WorkloadModel;

/**
 * Reads what the archive shows from the store, in a handful of queries whatever the number of days: every stored
 * day's spend and status, each workload's daily spend, models and findings.
 */
class ArchiveHistory {

	/** Before and after any day the store can hold. */
	private static final LocalDate EVER_FROM = LocalDate.of(1970, 1, 1);

	private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

	private static final String WORKLOAD = "workload:";

	private static final String MODEL = "/model:";

	private final HistoryReader history;

	private final FindingStore findings;

	ArchiveHistory(HistoryReader history, FindingStore findings) {
		this.history = history;
		this.findings = findings;
	}

	ArchiveSnapshot read() {
		SortedMap<LocalDate, BigDecimal> daily = history.dailyUsd(EVER_FROM, EVER_TO);
		Set<LocalDate> audited = history.auditedDays(Integer.MAX_VALUE).stream().map(AuditedDay::date)
			.collect(Collectors.toSet());
		Map<LocalDate, List<Finding>> byDay = new HashMap<>();
		Map<String, SortedMap<LocalDate, BigDecimal>> workloads = history.workloadUsd(EVER_FROM, EVER_TO);
		Map<String, List<FindingStore.Dated>> byWorkload = new HashMap<>();
		for (FindingStore.Dated d : findings.findings(EVER_FROM, EVER_TO)) {
			byDay.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d.finding());
			String workload = workloadOf(d.finding().subject(), workloads.keySet());
			if (workload != null) {
				byWorkload.computeIfAbsent(workload, k -> new ArrayList<>()).add(d);
			}
		}
		SortedMap<LocalDate, ArchiveSnapshot.Day> days = new TreeMap<>();
		daily.forEach((date, usd) -> {
			List<Finding> found = byDay.getOrDefault(date, List.of());
			boolean wasAudited = audited.contains(date);
			days.put(date, new ArchiveSnapshot.Day(date, usd, wasAudited,
					wasAudited ? Finding.status(found) : ArchiveSnapshot.NONE,
					(int) found.stream().filter(f -> !f.resolved()).count()));
		});
		Map<String, List<WorkloadModel>> models = new TreeMap<>();
		for (WorkloadModel m : history.workloadModels(EVER_FROM, EVER_TO)) {
			models.computeIfAbsent(m.workload(), k -> new ArrayList<>()).add(m);
		}
		return new ArchiveSnapshot(days, workloads, models, byWorkload);
	}

	/**
	 * The workload a finding is about ({@code workload:NAME} or {@code workload:NAME/model:MODEL}), or null. A name
	 * may itself hold {@code /model:}, so a known workload's whole name wins over the split.
	 */
	static String workloadOf(String subject, Set<String> known) {
		if (!subject.startsWith(WORKLOAD)) {
			return null;
		}
		String rest = subject.substring(WORKLOAD.length());
		if (known.contains(rest)) {
			return rest;
		}
		int model = rest.lastIndexOf(MODEL);
		return model > 0 && known.contains(rest.substring(0, model)) ? rest.substring(0, model) : null;
	}

}
