package dev.spendaudit.baseline;

import java.util.List;

import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;

/**
 * Detection's findings for the findings pipeline: spikes and drift, budgets, unpriced models, unattributed spend,
 * new workloads and models, all from one evaluation of the day ({@link DayDetector}), which also keeps the digest's
 * baseline and attribution health.
 */
class DetectionRule implements FindingRule {

	private final DayDetector detector;

	DetectionRule(DayDetector detector) {
		this.detector = detector;
	}

	@Override
	public List<FindingKind> kinds() {
		return Kinds.ALL;
	}

	/** Each gateway's workloads are its own series when there are several (and they are not merged). */
	@Override
	public boolean perSource() {
		return true;
	}

	@Override
	public List<Detected> findings(RuleDay day) {
		return detector.detect(day.day(), day.source(), day.jobExecutionId(), day.fleet());
	}

}
