package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.spendaudit.baseline.SpendHistory.Series;
import dev.spendaudit.baseline.Subject.Level;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;

/**
 * NEW_WORKLOAD and NEW_MODEL: a workload with no calls in the baseline window, or a known workload calling a model
 * it did not call in that window. More new workloads in a day than {@code new-workload-burst} (a client minting a
 * key per call, an older LiteLLM logging raw bearer tokens) are one finding for the burst, not one each.
 */
final class NewSeriesCheck {

	static final String NEW_WORKLOAD = "NEW_WORKLOAD";

	static final String NEW_MODEL = "NEW_MODEL";

	/** The workloads a burst names in its reason and details. */
	static final int BURST_NAMED = 5;

	/** The subject of a burst of new workloads: the same on every day with one, so a burst that goes on continues. */
	static final String BURST_SUBJECT = "workloads:new";

	private final DetectionSettings settings;

	NewSeriesCheck(DetectionSettings settings) {
		this.settings = settings;
	}

	/** The new series of the history's audited day. */
	List<Draft> check(SpendHistory history) {
		List<Draft> drafts = new ArrayList<>();
		List<Draft> workloads = new ArrayList<>();
		int t = history.today();
		int from = t - settings.windowDays();
		for (Series s : history.all()) {
			if (!s.present[t] || seen(s, from, t)) {
				continue;
			}
			Subject subject = s.subject;
			String money = Quantities.usd(s.exactUsd(t)) + " over " + Quantities.count((long) s.requests[t])
					+ " requests";
			if (subject.level() == Level.WORKLOAD) {
				workloads.add(new Draft(NEW_WORKLOAD, Severity.INFO, subject.label(), s.exactUsd(t), null,
						subject.workload() + ": first calls in " + settings.windowDays() + " days, " + money,
						new DetectionDetails.NewSeries(subject.workload(), null, s.exactUsd(t), (long) s.requests[t],
								settings.windowDays()),
						List.of(subject.label()), null, null));
			}
			else if (subject.level() == Level.PAIR && seen(history.get(Subject.workload(subject.workload())), from, t)) {
				drafts.add(new Draft(NEW_MODEL, Severity.INFO, subject.label(), s.exactUsd(t), null,
						subject.workload() + " called " + subject.model() + " for the first time in "
								+ settings.windowDays() + " days, " + money,
						new DetectionDetails.NewSeries(subject.workload(), subject.model(), s.exactUsd(t),
								(long) s.requests[t], settings.windowDays()),
						List.of(subject.label()), new Draft.DrillDown(subject.workload(), subject.model()), null));
			}
		}
		if (workloads.size() > settings.newWorkloadBurst()) {
			drafts.add(0, burst(workloads));
		}
		else {
			drafts.addAll(0, workloads);
		}
		return drafts;
	}

	/** One NEW_WORKLOAD finding for a burst of new workloads: how many, their spend, the largest by name. */
	private Draft burst(List<Draft> workloads) {
		BigDecimal sum = workloads.stream().map(Draft::actualUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal usd = sum.signum() == 0 ? BigDecimal.ZERO : sum.stripTrailingZeros();
		long requests = workloads.stream().mapToLong(d -> ((DetectionDetails.NewSeries) d.details()).requests()).sum();
		List<DetectionDetails.NewSeries> largest = workloads.stream()
			.map(d -> (DetectionDetails.NewSeries) d.details())
			.sorted(Comparator.comparing(DetectionDetails.NewSeries::usd).reversed()
				.thenComparing(DetectionDetails.NewSeries::workload))
			.limit(BURST_NAMED)
			.toList();
		String named = String.join(", ", largest.stream().map(n -> n.workload() + " " + Quantities.usd(n.usd())).toList());
		String reason = Quantities.count(workloads.size()) + " workloads made their first calls in "
				+ settings.windowDays() + " days: " + Quantities.usd(usd) + " over " + Quantities.count(requests)
				+ " requests; the largest " + named + " (more than " + settings.newWorkloadBurst()
				+ " new in a day are one finding: a client minting a key per call?)";
		return new Draft(NEW_WORKLOAD, Severity.INFO, BURST_SUBJECT, usd, null, reason,
				new DetectionDetails.NewWorkloads(workloads.size(), usd, requests, settings.windowDays(), largest),
				List.of(BURST_SUBJECT), null, null);
	}

	private static boolean seen(Series s, int from, int to) {
		for (int i = Math.max(0, from); i < to; i++) {
			if (s.present[i]) {
				return true;
			}
		}
		return false;
	}

}
