package dev.spendaudit.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingState;

/**
 * Which of the day's stored findings are due to a webhook. A NEW finding at or above its {@code min-severity}; a
 * CONTINUING one only when it rose to that severity since the night before and was never pushed to it (a WATCH
 * that became an ALERT), never again while it goes on; with {@code on-resolve}, a RESOLVED one whose
 * {@code previousSeverity} was at or above it. PLANNED findings and quieted ones are never pushed.
 */
final class DuePushes {

	private DuePushes() {
	}

	/**
	 * @param yesterday the severities of the day before's findings, by id
	 * @param announced whether a finding's id was already pushed (or tried) to this webhook
	 */
	static List<Push> due(LocalDate date, Webhook webhook, List<Finding> today, Map<String, Severity> yesterday,
			Predicate<String> announced, FindingQuieting quieting) {
		Severity threshold = webhook.threshold();
		List<Push> due = new ArrayList<>();
		for (Finding f : today) {
			Push push = switch (f.state()) {
				case FindingState.NEW -> atLeast(f.severity(), threshold) ? push(date, f, f.severity()) : null;
				case FindingState.CONTINUING -> atLeast(f.severity(), threshold)
						&& yesterday.containsKey(f.id()) && !atLeast(yesterday.get(f.id()), threshold)
						&& !announced.test(f.id()) ? push(date, f, f.severity()) : null;
				case FindingState.RESOLVED -> webhook.resolutions() && atLeast(previous(f), threshold)
						? push(date, f, previous(f)) : null;
				default -> null;
			};
			if (push != null && !quieting.quieted(f, date)) {
				due.add(push);
			}
		}
		return due;
	}

	private static Push push(LocalDate date, Finding f, Severity severity) {
		return new Push(date, f, f.state(), severity);
	}

	/** The severity a resolved finding had, from {@code details.previousSeverity} (INFO when it is missing). */
	static Severity previous(Finding f) {
		Object previous = f.details().get("previousSeverity");
		try {
			return previous instanceof String s ? Severity.valueOf(s) : Severity.INFO;
		}
		catch (IllegalArgumentException ex) {
			return Severity.INFO;
		}
	}

	private static boolean atLeast(Severity severity, Severity threshold) {
		return severity != null && severity.compareTo(threshold) >= 0;
	}

}
