package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.List;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;

/**
 * A detection finding while detection works on it (a spike still to be explained with the day's requests), before
 * it is handed to the findings pipeline as a {@link Detected}.
 *
 * @param group every subject this finding speaks for (itself and the related subjects folded into it), so a
 * later night recognises the same event on any of them
 * @param drillDown the workload × model whose requests explain it, or null
 * @param planned the planned window the finding falls in, or null
 */
record Draft(String kind, Severity severity, String subject, BigDecimal actualUsd, BigDecimal baselineUsd,
		String reason, DetectionDetails details, List<String> group, DrillDown drillDown, PlannedWindow planned) {

	/** A finding about one subject, with nothing to drill into and no planned window. */
	static Draft of(String kind, Severity severity, String subject, BigDecimal actualUsd, BigDecimal baselineUsd,
			String reason, DetectionDetails details) {
		return new Draft(kind, severity, subject, actualUsd, baselineUsd, reason, details, List.of(subject), null,
				null);
	}

	/** A workload's use of a model, whose requests of the day are fetched to explain a finding. */
	record DrillDown(String workload, String model) {
	}

	/** With the requests of the day added to a spike's explanation; the reason's summary follows it. */
	Draft withExplanation(DetectionDetails.Explanation explanation) {
		DetectionDetails.Spike spike = (DetectionDetails.Spike) details;
		String rest = reason.substring(spike.explanation().summary().length());
		return new Draft(kind, severity, subject, actualUsd, baselineUsd, explanation.summary() + rest,
				spike.withExplanation(explanation), group, drillDown, planned);
	}

	/** As the findings pipeline takes it: the group, and the planned window without its workload. */
	Detected detected() {
		return new Detected(kind, severity, subject, actualUsd, baselineUsd, reason, details, group,
				planned == null ? null : new Detected.Planned(planned.from(), planned.to(), planned.note()));
	}

}
