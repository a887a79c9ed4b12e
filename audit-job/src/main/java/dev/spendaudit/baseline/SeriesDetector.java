package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.spendaudit.baseline.DetectionDetails.Breakdown;
import dev.spendaudit.baseline.DetectionDetails.Contributor;
import dev.spendaudit.baseline.DetectionDetails.Contributors;
import dev.spendaudit.baseline.DetectionDetails.Explanation;
import dev.spendaudit.baseline.DetectionDetails.Related;
import dev.spendaudit.baseline.SpendHistory.Series;
import dev.spendaudit.baseline.Subject.Level;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;

/**
 * Evaluates every series of the audited day (total, workloads, models, workload × model) with the spike and drift
 * rules, folds the findings one event raises on several subjects into one, and explains each.
 * <p>
 * One event, one finding: each candidate is attributed to the workload × model that drives it (the pair with the
 * largest increase under its subject). Candidates with the same driver are one event; its headline is the loudest
 * of them, and among equals the most specific subject, so a reindex on one key and one model reads as that key and
 * model with the total, workload and model listed as related. Two unrelated spikes on the same day stay two
 * findings.
 */
final class SeriesDetector {

	static final String SPIKE = "SPIKE";

	static final String DRIFT = "DRIFT";

	private final DetectionSettings settings;

	private final SpikeRule spikes;

	private final DriftRule drifts;

	SeriesDetector(DetectionSettings settings) {
		this.settings = settings;
		this.spikes = new SpikeRule(settings);
		this.drifts = new DriftRule(settings.drift());
	}

	/** What the series say about the audited day. */
	record Result(List<Draft> findings, BaselineSummary baseline) {
	}

	Result detect(SpendHistory history) {
		Day day = new Day(history);
		List<Candidate> candidates = new ArrayList<>();
		for (Series s : history.all()) {
			if (s.subject.level() == Level.PROVIDER) {
				continue;
			}
			Eval spike = day.spike(s);
			if (spike.severity != null) {
				candidates.add(Candidate.of(spike));
			}
			Drift drift = day.drift(s);
			if (drift.enoughHistory && drift.verdict.severity() != null) {
				candidates.add(Candidate.of(drift));
			}
		}
		List<Draft> findings = new ArrayList<>();
		for (List<Candidate> group : group(day, candidates).values()) {
			findings.add(draft(day, group));
		}
		findings.addAll(new NewSeriesCheck(settings).check(history));
		return new Result(findings, summary(day));
	}

	/** The digest's baseline line of the series alone, finding nothing (the fleet's, over several gateways). */
	BaselineSummary baseline(SpendHistory history) {
		return summary(new Day(history));
	}

	// --- grouping -----------------------------------------------------------------------------------------

	private Map<Subject, List<Candidate>> group(Day day, List<Candidate> candidates) {
		Map<Subject, List<Candidate>> groups = new LinkedHashMap<>();
		candidates.sort(HEADLINE_FIRST);
		for (Candidate c : candidates) {
			Subject driver = day.driver(c.kind, c.subject);
			groups.computeIfAbsent(driver != null ? driver : c.subject, k -> new ArrayList<>()).add(c);
		}
		return groups;
	}

	/** Loudest first; among equals the most specific subject, then a spike before a drift, then the larger excess. */
	static final Comparator<Candidate> HEADLINE_FIRST = Comparator.comparing((Candidate c) -> c.severity)
		.reversed()
		.thenComparing(c -> c.subject.level(), Comparator.reverseOrder())
		.thenComparing(c -> c.kind.equals(SPIKE) ? 0 : 1)
		.thenComparing(c -> -c.excess)
		.thenComparing(c -> c.subject.label());

	private Draft draft(Day day, List<Candidate> group) {
		Candidate head = group.get(0);
		Subject driver = day.driver(head.kind, head.subject);
		Series explained = history(day, driver != null ? driver : head.subject);
		Explanation explanation = explain(day, head, driver, explained);
		List<Related> related = group.subList(1, group.size())
			.stream()
			.map(c -> new Related(c.kind, c.subject.label(), c.severity, c.actual, c.baseline, Money.exact(c.excess),
					Money.round(c.z, 1), c.rule))
			.toList();
		List<String> subjects = group.stream().map(c -> c.subject.label()).distinct().toList();
		DetectionDetails.Spike details = new DetectionDetails.Spike(head.rule, head.actual, head.baseline,
				Money.exact(head.excess), Money.round(head.z, 1), Money.round(head.ratio, 1),
				Money.exact(head.spread), Money.exact(head.mad), head.historyDays, head.provisional, related,
				explanation);
		String numbers = head.kind.equals(SPIKE)
				? Quantities.usd(head.actual) + " vs " + Quantities.usd(head.baseline) + " baseline; " + head.rule
				: head.rule;
		Subject pair = driver != null ? driver : head.subject.level() == Level.PAIR ? head.subject : null;
		return new Draft(head.kind, head.severity, head.subject.label(), head.actual, head.baseline,
				explanation.summary() + ": " + numbers, details, subjects,
				pair == null ? null : new Draft.DrillDown(pair.workload(), pair.model()), head.planned);
	}

	private static Series history(Day day, Subject subject) {
		return day.history.get(subject);
	}

	// --- explanation --------------------------------------------------------------------------------------

	private Explanation explain(Day day, Candidate head, Subject driver, Series explained) {
		boolean spike = head.kind.equals(SPIKE);
		Function<Series, Double> delta = spike ? s -> day.spike(s).verdict.excess() : s -> day.drift(s).excess();
		double totalExcess = delta.apply(day.history.get(Subject.TOTAL));
		List<Contributors> contributors = new ArrayList<>();
		for (Level level : List.of(Level.WORKLOAD, Level.MODEL, Level.PROVIDER, Level.PAIR)) {
			contributors.add(contributors(day, level, delta, totalExcess, spike));
		}
		Breakdown breakdown = spike ? breakdownOfDay(day, explained) : breakdownOfWeek(day, explained);
		Double share = driver == null ? null : day.share(head.kind, driver);
		List<String> where = new ArrayList<>();
		if (!spike) {
			where.add("last " + settings.drift().days() + " days");
		}
		if (driver == null || !driver.equals(head.subject)) {
			where.add(head.subject.display());
		}
		if (driver != null) {
			where.add(driver.display());
		}
		return Explanation.of(String.join(" · ", where), Money.round(share, 3), contributors, breakdown);
	}

	private Contributors contributors(Day day, Level level, Function<Series, Double> delta, double totalExcess,
			boolean spike) {
		List<Series> series = day.history.all().stream().filter(s -> s.subject.level() == level).toList();
		double positive = series.stream().mapToDouble(s -> Math.max(0, delta.apply(s))).sum();
		List<Contributor> top = series.stream()
			.filter(s -> delta.apply(s) > 0)
			.sorted(Comparator.comparing((Series s) -> -delta.apply(s)).thenComparing(s -> s.subject.label()))
			.limit(settings.topContributors())
			.map(s -> {
				double d = delta.apply(s);
				BigDecimal actual = spike ? s.exactUsd(day.t) : Money.exact(day.drift(s).lastDays());
				BigDecimal baseline = Money.exact(spike ? day.spike(s).baseline.median() : day.drift(s).base());
				return new Contributor(s.subject.display(), actual, baseline, Money.exact(d),
						Money.round(positive > 0 ? d / positive : null, 3));
			})
			.toList();
		double listed = top.stream().mapToDouble(c -> c.deltaUsd().doubleValue()).sum();
		String dimension = level == Level.PAIR ? "workload×model" : level.name().toLowerCase(java.util.Locale.ROOT);
		return new Contributors(dimension, top, Money.exact(totalExcess - listed));
	}

	private Breakdown breakdownOfDay(Day day, Series s) {
		int t = day.t;
		int[] days = s.baselineDays(t - settings.windowDays(), t);
		double n0 = RollingBaseline.median(Series.pick(s.requests, days));
		double b = RollingBaseline.median(Series.pick(s.usd, days));
		PerCall base = PerCall.medianOf(s, days);
		double n1 = s.requests[t];
		return breakdown(s, Decomposition.of(n0, base.tokens(), b, n1, n1 > 0 ? s.tokens(t) / n1 : 0, s.usd[t]), base,
				PerCall.of(s.prompt[t], s.completion[t], n1), (long) n1);
	}

	private Breakdown breakdownOfWeek(Day day, Series s) {
		int n = settings.drift().days();
		int[] base = day.driftBaseDays(s);
		double n0 = n * RollingBaseline.median(Series.pick(s.requests, base));
		double b = n * RollingBaseline.median(Series.pick(s.usd, base));
		PerCall perCall0 = PerCall.medianOf(s, base);
		double n1 = 0;
		double prompt = 0;
		double completion = 0;
		double x1 = 0;
		for (int k = day.t - n + 1; k <= day.t; k++) {
			n1 += s.requests[k];
			prompt += s.prompt[k];
			completion += s.completion[k];
			x1 += s.usd[k];
		}
		PerCall perCall1 = PerCall.of(prompt, completion, n1);
		return breakdown(s, Decomposition.of(n0, perCall0.tokens(), b, n1, perCall1.tokens(), x1), perCall0, perCall1,
				(long) n1);
	}

	private static Breakdown breakdown(Series s, Decomposition d, PerCall before, PerCall after, long calls) {
		return new Breakdown(s.subject.workload(), s.subject.model(), Money.round(d.calls0(), 1), calls,
				Math.round(before.prompt()), Math.round(after.prompt()), Math.round(before.completion()),
				Math.round(after.completion()), null, null, Money.exact(d.usdPerMillionTokens0()),
				Money.exact(d.usdPerMillionTokens1()), Money.exact(d.volumeUsd()), Money.exact(d.sizeUsd()),
				Money.exact(d.priceUsd()), Money.exact(d.otherUsd()), d.driver().name());
	}

	/** Tokens per call, by part. */
	record PerCall(double prompt, double completion) {

		double tokens() {
			return prompt + completion;
		}

		static PerCall of(double prompt, double completion, double calls) {
			return calls > 0 ? new PerCall(prompt / calls, completion / calls) : new PerCall(0, 0);
		}

		/** Median tokens per call over the days that had calls. */
		static PerCall medianOf(Series s, int[] days) {
			int[] withCalls = java.util.Arrays.stream(days).filter(i -> s.requests[i] > 0).toArray();
			double[] prompt = java.util.Arrays.stream(withCalls).mapToDouble(i -> s.prompt[i] / s.requests[i]).toArray();
			double[] completion = java.util.Arrays.stream(withCalls)
				.mapToDouble(i -> s.completion[i] / s.requests[i])
				.toArray();
			return new PerCall(RollingBaseline.median(prompt), RollingBaseline.median(completion));
		}

	}

	// --- the digest's baseline field ----------------------------------------------------------------------

	private BaselineSummary summary(Day day) {
		Eval total = day.spike(day.history.get(Subject.TOTAL));
		List<BaselineSummary.Mover> quiet = day.history.all()
			.stream()
			.filter(s -> s.subject.level() != Level.PROVIDER)
			.map(day::spike)
			.filter(e -> e.severity == null && e.verdict.excess() > 0 && e.verdict.z() >= settings.watch().z())
			.sorted(Comparator.comparing((Eval e) -> -e.verdict.excess()).thenComparing(e -> e.series.subject.label()))
			.limit(settings.topContributors())
			.map(e -> new BaselineSummary.Mover(e.series.subject.label(), e.series.exactUsd(day.t),
					Money.exact(e.baseline.median()), Money.exact(e.verdict.excess()), Money.round(e.verdict.z(), 1),
					e.rule))
			.toList();
		return new BaselineSummary(total.series.exactUsd(day.t), Money.exact(total.baseline.median()),
				Money.exact(total.verdict.excess()), Money.exact(total.verdict.spread()),
				Money.round(total.verdict.z(), 1), Money.exact(day.history.setAside(day.t)), total.baseline.days(),
				settings.windowDays(), quiet, BaselineSummary.Rules.of(settings));
	}

	// --- one day's evaluations, memoised ------------------------------------------------------------------

	/** A spike evaluation of one series on one day. */
	record Eval(Series series, int offset, RollingBaseline baseline, SpikeRule.Verdict verdict, Severity severity,
			boolean provisional, PlannedWindow planned, String rule) {
	}

	/**
	 * A drift evaluation: {@code lastDays} counts each day that was itself an ALERT-level spike (or planned) at its
	 * own baseline, so a spike already reported is not reported again as drift for the next six days.
	 */
	record Drift(Series series, double lastDays, double base, int baseDays, boolean enoughHistory,
			DriftRule.Verdict verdict) {

		double excess() {
			return lastDays - base;
		}

	}

	/** A subject's finding before grouping. */
	record Candidate(String kind, Subject subject, Severity severity, BigDecimal actual, BigDecimal baseline,
			double excess, Double z, Double ratio, double spread, double mad, int historyDays, boolean provisional,
			PlannedWindow planned, String rule) {

		static Candidate of(Eval e) {
			return new Candidate(SPIKE, e.series.subject, e.severity, e.series.exactUsd(e.offset),
					Money.exact(e.baseline.median()), e.verdict.excess(), e.verdict.z(), e.verdict.ratio(),
					e.verdict.spread(), e.baseline.mad(), e.baseline.days(), e.provisional, e.planned, e.rule);
		}

		static Candidate of(Drift d) {
			return new Candidate(DRIFT, d.series.subject, d.verdict.severity(), Money.exact(d.lastDays),
					Money.exact(d.base), d.excess(), null, d.verdict.ratio(), Double.NaN, Double.NaN,
					d.baseDays, false, null, d.verdict.rule());
		}

	}

	/** The audited day, with every evaluation computed once. */
	private final class Day {

		final SpendHistory history;

		final int t;

		private final Map<Series, Map<Integer, Eval>> spikeEvals = new java.util.HashMap<>();

		private final Map<Series, Drift> driftEvals = new java.util.HashMap<>();

		Day(SpendHistory history) {
			this.history = history;
			this.t = history.today();
		}

		Eval spike(Series s) {
			return spike(s, t);
		}

		Eval spike(Series s, int offset) {
			return spikeEvals.computeIfAbsent(s, k -> new java.util.HashMap<>()).computeIfAbsent(offset, o -> {
				int[] days = s.baselineDays(o - settings.windowDays(), o);
				RollingBaseline b = RollingBaseline.of(Series.pick(s.usd, days));
				SpikeRule.Judged j = spikes.judge(s.usd[o], b);
				SpikeRule.Verdict v = j.verdict();
				Severity severity = j.severity();
				String rule = j.rule();
				boolean provisional = j.provisional();
				PlannedWindow planned = s.planned[o];
				if (planned != null && severity != null) {
					severity = Severity.INFO;
					rule += "; planned, so never an ALERT";
				}
				return new Eval(s, o, b, v, severity, provisional, planned, rule);
			});
		}

		int[] driftBaseDays(Series s) {
			int n = settings.drift().days();
			return s.baselineDays(t - n + 1 - settings.windowDays(), t - n + 1);
		}

		Drift drift(Series s) {
			return driftEvals.computeIfAbsent(s, k -> {
				int n = settings.drift().days();
				int[] base = driftBaseDays(s);
				double b7 = n * RollingBaseline.median(Series.pick(s.usd, base));
				double s7 = 0;
				for (int k2 = t - n + 1; k2 <= t; k2++) {
					Eval e = spike(s, k2);
					s7 += (s.planned[k2] != null || e.verdict.isAlert()) ? Math.min(s.usd[k2], e.baseline.median())
							: s.usd[k2];
				}
				return new Drift(s, s7, b7, base.length, base.length >= settings.minHistoryDays(),
						drifts.evaluate(s7, b7));
			});
		}

		/** The workload × model with the largest increase under {@code subject}, or null when none increased. */
		Subject driver(String kind, Subject subject) {
			Series best = null;
			double bestDelta = 0;
			for (Series s : history.all()) {
				if (s.subject.level() != Level.PAIR || !subject.covers(s.subject)) {
					continue;
				}
				double d = delta(kind, s);
				if (d > bestDelta || (d == bestDelta && best != null && d > 0
						&& s.subject.label().compareTo(best.subject.label()) < 0)) {
					best = s;
					bestDelta = d;
				}
			}
			return best == null ? null : best.subject;
		}

		/** The pair's increase over the sum of all pairs' increases. */
		double share(String kind, Subject pair) {
			double positive = history.all()
				.stream()
				.filter(s -> s.subject.level() == Level.PAIR)
				.mapToDouble(s -> Math.max(0, delta(kind, s)))
				.sum();
			return positive > 0 ? Math.max(0, delta(kind, history.get(pair))) / positive : 0;
		}

		private double delta(String kind, Series s) {
			return kind.equals(SPIKE) ? spike(s).verdict.excess() : drift(s).excess();
		}

	}

}
