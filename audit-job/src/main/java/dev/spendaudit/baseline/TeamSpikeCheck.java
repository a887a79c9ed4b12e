package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.history.TeamHistory.TeamWorkloadDay;

/**
 * TEAM_SPIKE: each team's daily spend against the same rolling baseline and spike rule as the workloads' series
 * ({@link RollingBaseline}, {@link SpikeRule}): the median of the {@code windowDays} closed days before the audited
 * day since the team was first seen (a team without such a day is not checked), held at WATCH while the team is
 * younger than {@code minHistoryDays}. A team whose spend over the window is all one workload's is not checked:
 * that workload's own SPIKE already says it. Its subject is {@code team:NAME}. A kind of its own, not SPIKE: a spike's details explain the day by workload ×
 * model over the whole day's series, which a team's series is not part of; here the details list the team's
 * workloads of the day against their own medians instead.
 */
final class TeamSpikeCheck {

	static final String TEAM_SPIKE = "TEAM_SPIKE";

	private final TeamHistory teams;

	private final DetectionSettings settings;

	TeamSpikeCheck(TeamHistory teams, DetectionSettings settings) {
		this.teams = teams;
		this.settings = settings;
	}

	List<Draft> check(LocalDate day) {
		int window = settings.windowDays();
		LocalDate first = day.minusDays(window);
		// per team: its name and spend per day offset (0 = the first day of the window, window = the audited day)
		Map<String, double[]> usd = new TreeMap<>();
		Map<String, Map<String, double[]>> byWorkload = new TreeMap<>();
		Map<String, String> names = new TreeMap<>();
		for (TeamWorkloadDay d : teams.days(first, day)) {
			if (d.teamId() == null) {
				continue;
			}
			int i = (int) (d.date().toEpochDay() - first.toEpochDay());
			usd.computeIfAbsent(d.teamId(), id -> nan(window + 1))[i] = value(usd.get(d.teamId())[i]) + d.usd().doubleValue();
			byWorkload.computeIfAbsent(d.teamId(), id -> new TreeMap<>())
				.computeIfAbsent(d.workload(), w -> new double[window + 1])[i] += d.usd().doubleValue();
			if (d.teamAlias() != null || !names.containsKey(d.teamId())) {
				names.put(d.teamId(), d.teamAlias() != null ? d.teamAlias() : d.teamId());
			}
		}
		SpikeRule rule = new SpikeRule(settings);
		List<Draft> drafts = new ArrayList<>();
		usd.forEach((teamId, series) -> {
			double[] history = baselineDays(series, window);
			RollingBaseline baseline = RollingBaseline.of(history);
			if (baseline.isEmpty()) {
				// a team's first day has nothing to spike from (every dollar would be "excess"); the new workloads
				// its keys bring are NEW_WORKLOAD's
				return;
			}
			double today = value(series[window]);
			SpikeRule.Judged judged = rule.judge(today, baseline);
			Severity severity = judged.severity();
			// a team whose whole baseline and day are one workload's is that workload: its own SPIKE says it
			if (severity == null || oneWorkload(byWorkload.get(teamId))) {
				return;
			}
			SpikeRule.Verdict v = judged.verdict();
			String because = judged.rule();
			boolean provisional = judged.provisional();
			String name = names.get(teamId);
			List<DetectionDetails.TeamWorkload> workloads = new ArrayList<>();
			byWorkload.get(teamId).forEach((w, days) -> workloads.add(new DetectionDetails.TeamWorkload(w,
					Money.exact(days[window]), Money.exact(RollingBaseline.of(pick(days, series, window)).median()))));
			workloads.sort(Comparator.comparing(DetectionDetails.TeamWorkload::usd).reversed()
				.thenComparing(DetectionDetails.TeamWorkload::workload));
			BigDecimal actual = Money.exact(today);
			BigDecimal base = Money.exact(baseline.median());
			String reason = "team " + name + ": " + Quantities.usd(actual) + " vs " + Quantities.usd(base)
					+ " baseline; " + because;
			drafts.add(Draft.of(TEAM_SPIKE, severity, "team:" + name, actual, base, reason,
					new DetectionDetails.TeamSpike(because, teamId, actual, base, Money.exact(v.excess()),
							Money.round(v.z(), 1), v.ratio() == null ? null : Money.round(v.ratio(), 1),
							baseline.days(), provisional, List.copyOf(workloads))));
		});
		return drafts;
	}

	/** Whether one workload carries all of the team's spend over the window (the others, if any, spent nothing). */
	private static boolean oneWorkload(Map<String, double[]> byWorkload) {
		return byWorkload.values().stream().filter(days -> java.util.Arrays.stream(days).anyMatch(d -> d != 0))
			.count() <= 1;
	}

	/** The closed days before the audited one since the team was first seen (a day without calls is zero). */
	private static double[] baselineDays(double[] series, int today) {
		int firstSeen = -1;
		for (int i = 0; i < today && firstSeen < 0; i++) {
			firstSeen = Double.isNaN(series[i]) ? -1 : i;
		}
		if (firstSeen < 0) {
			return new double[0];
		}
		double[] days = new double[today - firstSeen];
		for (int i = firstSeen; i < today; i++) {
			days[i - firstSeen] = value(series[i]);
		}
		return days;
	}

	/** A workload's days over the team's baseline days. */
	private static double[] pick(double[] workload, double[] team, int today) {
		int n = baselineDays(team, today).length;
		double[] days = new double[n];
		System.arraycopy(workload, today - n, days, 0, n);
		return days;
	}

	private static double[] nan(int n) {
		double[] a = new double[n];
		java.util.Arrays.fill(a, Double.NaN);
		return a;
	}

	private static double value(double v) {
		return Double.isNaN(v) ? 0 : v;
	}

}
