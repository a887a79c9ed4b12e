package dev.spendaudit.baseline;

import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.baseline.SpendHistory.Series;
import dev.spendaudit.baseline.Subject.Level;
import dev.spendaudit.core.Severity;

/**
 * NEW_WORKLOAD and NEW_MODEL: a workload with no calls in the baseline window, or a known workload calling a model
 * it did not call in that window.
 */
final class NewSeriesCheck {

	static final String NEW_WORKLOAD = "NEW_WORKLOAD";

	static final String NEW_MODEL = "NEW_MODEL";

	private final DetectionSettings settings;

	NewSeriesCheck(DetectionSettings settings) {
		this.settings = settings;
	}

	/** The new series of the history's audited day. */
	List<Draft> check(SpendHistory history) {
		List<Draft> drafts = new ArrayList<>();
		int t = history.today();
		int from = t - settings.windowDays();
		for (Series s : history.all()) {
			if (!s.present[t] || seen(s, from, t)) {
				continue;
			}
			Subject subject = s.subject;
			String money = Money.usd(s.exactUsd(t)) + " over " + String.format("%,d", (long) s.requests[t])
					+ " requests";
			if (subject.level() == Level.WORKLOAD) {
				drafts.add(new Draft(NEW_WORKLOAD, Severity.INFO, subject.label(), s.exactUsd(t), null,
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
		return drafts;
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
