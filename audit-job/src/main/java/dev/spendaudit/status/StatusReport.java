package dev.spendaudit.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.delivery.DigestDelivery;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.AuditedDay;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.staleness.FreshnessStore;
import dev.spendaudit.subscriptions.SubscriptionStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/**
 * The last audited days and the findings still open, read from the store only: the days from the history, their
 * findings from the findings store, the total from the plans' costs, the freshness verdict, the mail record and the
 * day's Spring Batch run.
 */
public class StatusReport {

	private final HistoryReader history;

	private final FindingStore findings;

	private final SubscriptionStore costs;

	private final FreshnessStore freshness;

	private final DigestDelivery delivery;

	private final JobRepository jobs;

	public StatusReport(HistoryReader history, FindingStore findings, SubscriptionStore costs,
			FreshnessStore freshness, DigestDelivery delivery, JobRepository jobs) {
		this.history = history;
		this.findings = findings;
		this.costs = costs;
		this.freshness = freshness;
		this.delivery = delivery;
		this.jobs = jobs;
	}

	/** The newest {@code n} audited days, newest first. */
	public List<DayStatus> days(int n) {
		List<DayStatus> days = new ArrayList<>();
		for (AuditedDay day : history.auditedDays(n)) {
			List<Finding> found = findings.findings(day.date());
			Optional<DigestDelivery.Mailing> mailing = delivery.mailing(day.date());
			days.add(new DayStatus(day.date(), Finding.status(found), day.meteredUsd(),
					costs.totalUsd(day.date()).orElse(day.meteredUsd()), counts(found),
					freshness.verdict(day.date()).orElse(null),
					mailing.map(DigestDelivery.Mailing::status).orElse(DayStatus.NOT_SENT),
					mailing.map(m -> UtcTimes.iso(m.atUtc())).orElse(null), seconds(day.jobExecutionId())));
		}
		return days;
	}

	/** The findings of the newest audited day that are not RESOLVED, in the day's order; empty when none. */
	public List<OpenFinding> openFindings() {
		List<AuditedDay> newest = history.auditedDays(1);
		if (newest.isEmpty()) {
			return List.of();
		}
		LocalDate date = newest.get(0).date();
		return findings.findings(date)
			.stream()
			.filter(f -> !f.resolved())
			.map(f -> new OpenFinding(f.id(), f.kind(), f.severity(), f.subject(), f.source(), f.state(), since(f),
					date, f.actualUsd(), f.reason(), f.acknowledged()))
			.toList();
	}

	static DayStatus.FindingCounts counts(List<Finding> found) {
		return new DayStatus.FindingCounts(count(found, Severity.ALERT), count(found, Severity.WATCH),
				count(found, Severity.INFO), (int) found.stream().filter(f -> f.acknowledged() != null).count());
	}

	private static int count(List<Finding> found, Severity severity) {
		return (int) found.stream().filter(f -> f.severity() == severity).count();
	}

	private static LocalDate since(Finding f) {
		return f.details().get("state") instanceof Map<?, ?> state && state.get("since") instanceof String s
				? LocalDate.parse(s) : null;
	}

	/** The run's time from its start to its end, to the millisecond; null when Spring Batch no longer has it. */
	private BigDecimal seconds(Long jobExecutionId) {
		if (jobExecutionId == null) {
			return null;
		}
		JobExecution execution;
		try {
			execution = jobs.getJobExecution(jobExecutionId);
		}
		catch (IncorrectResultSizeDataAccessException ex) {
			// pruned: Spring Batch's DAO says so by throwing, not by returning null
			return null;
		}
		if (execution == null || execution.getStartTime() == null || execution.getEndTime() == null) {
			return null;
		}
		return BigDecimal.valueOf(Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis(), 3);
	}

}
