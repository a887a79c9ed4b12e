package dev.spendaudit.failures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;

/**
 * FAILURES (WATCH): a workload whose calls failed at {@code failures.share} or more of its requests on the day, at
 * least {@code failures.min-failed} times: a broken integration retrying, an expired provider key, a model that
 * went away. Failed calls are logged with their spend, so they cost money and show nothing for it.
 */
class FailureRule implements FindingRule {

	static final String FAILURES = "FAILURES";

	private final HistoryReader history;

	private final FailureSettings settings;

	FailureRule(HistoryReader history, FailureSettings settings) {
		this.history = history;
		this.settings = settings;
	}

	@Override
	public List<FindingKind> kinds() {
		return List.of(new FindingKind(FAILURES, 70));
	}

	@Override
	public List<Detected> findings(RuleDay day) {
		return check(history.rows(day.date()), settings);
	}

	/** The day's failing workloads, from its stored groups. */
	static List<Detected> check(List<KeyModelRow> day, FailureSettings settings) {
		Map<String, Tally> workloads = new TreeMap<>();
		for (KeyModelRow r : day) {
			workloads.computeIfAbsent(r.workload(), w -> new Tally()).add(r);
		}
		List<Detected> findings = new ArrayList<>();
		workloads.forEach((workload, t) -> {
			BigDecimal share = t.requests == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf(t.failed).divide(BigDecimal.valueOf(t.requests), 4, RoundingMode.HALF_UP);
			if (t.failed >= settings.minFailed() && share.compareTo(settings.share()) >= 0) {
				String subject = "workload:" + workload;
				findings.add(Detected.of(FAILURES, Severity.WATCH, subject, t.usd, null,
						workload + ": " + Quantities.count(t.failed) + " of " + Quantities.count(t.requests)
								+ " requests failed (" + Quantities.percent(share) + ", " + Quantities.usd(t.usd)
								+ " spent on the day); check the caller and its provider key",
						new Failures(workload, t.requests, t.failed, share)));
			}
		});
		return findings;
	}

	/** The numbers behind a FAILURES finding. */
	record Failures(String workload, long requests, long failedRequests, BigDecimal share) {
	}

	private static final class Tally {

		long requests;

		long failed;

		BigDecimal usd = BigDecimal.ZERO;

		void add(KeyModelRow r) {
			requests += r.requests();
			failed += r.failedRequests();
			usd = usd.add(r.usd());
		}

	}

}
