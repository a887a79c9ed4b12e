package dev.spendaudit.baseline;

import dev.spendaudit.core.Severity;

import static dev.spendaudit.core.Quantities.number;
import static dev.spendaudit.core.Quantities.ratio;
import static dev.spendaudit.core.Quantities.usd;

/**
 * One day of one series against its baseline: the robust z-score plus the two floors that keep small money quiet.
 * ALERT only when the dollar excess, the ratio and z all pass; WATCH when the excess passes the lower floor and z
 * its lower bar. A z-score alone would flag $0.30 becoming $0.90; the dollar floors do not.
 */
public final class SpikeRule {

	private final DetectionSettings settings;

	public SpikeRule(DetectionSettings settings) {
		this.settings = settings;
	}

	public Verdict evaluate(double actual, RollingBaseline baseline) {
		double b = baseline.median();
		double sigma = baseline.spread(settings.spread());
		double excess = actual - b;
		double z = excess / sigma;
		Double ratio = b > 0 ? actual / b : null;
		DetectionSettings.Alert alert = settings.alert();
		DetectionSettings.Watch watch = settings.watch();
		boolean excessAlert = atLeast(excess, alert.excessUsd());
		boolean ratioAlert = atLeast(actual, alert.ratio() * b);
		boolean zAlert = atLeast(z, alert.z());
		Severity severity = null;
		String rule;
		if (excessAlert && ratioAlert && zAlert) {
			severity = Severity.ALERT;
			rule = "ALERT: excess " + usd(excess) + " ≥ " + usd(alert.excessUsd()) + ", "
					+ (ratio == null ? "from a zero baseline" : ratio(ratio) + " ≥ " + ratio(alert.ratio()))
					+ ", z " + number(z) + " ≥ " + number(alert.z());
		}
		else if (atLeast(excess, watch.excessUsd()) && atLeast(z, watch.z())) {
			severity = Severity.WATCH;
			rule = "WATCH: excess " + usd(excess) + " ≥ " + usd(watch.excessUsd()) + ", z " + number(z)
					+ " ≥ " + number(watch.z()) + "; not ALERT: "
					+ (!excessAlert ? "excess < " + usd(alert.excessUsd())
							: !ratioAlert ? ratio(ratio) + " < " + ratio(alert.ratio()) + " baseline"
									: "z < " + number(alert.z()));
		}
		else if (!atLeast(excess, watch.excessUsd())) {
			rule = "quiet: excess " + usd(excess) + " < " + usd(watch.excessUsd()) + " watch floor (z "
					+ number(z) + ")";
		}
		else {
			rule = "quiet: z " + number(z) + " < " + number(watch.z()) + " (excess " + usd(excess) + ")";
		}
		return new Verdict(actual, baseline, sigma, excess, z, ratio, severity, rule);
	}

	/**
	 * The rule's verdict, held at WATCH while the baseline has fewer than {@code minHistoryDays} days: young
	 * history makes a noisy median, so it may warn but not alert.
	 */
	public Judged judge(double actual, RollingBaseline baseline) {
		Verdict v = evaluate(actual, baseline);
		boolean provisional = !baseline.isEmpty() && baseline.days() < settings.minHistoryDays();
		if (provisional && v.severity() == Severity.ALERT) {
			return new Judged(v, Severity.WATCH, true, v.rule() + "; held at WATCH: " + baseline.days()
					+ " days of history (an ALERT needs " + settings.minHistoryDays() + ")");
		}
		return new Judged(v, v.severity(), provisional, v.rule());
	}

	/**
	 * A verdict as reported.
	 *
	 * @param severity the verdict's, or WATCH for an ALERT held back by young history; null: nothing to report
	 * @param provisional whether the baseline is younger than {@code minHistoryDays}
	 * @param rule the verdict's rule, with why it was held back if it was
	 */
	public record Judged(Verdict verdict, Severity severity, boolean provisional, String rule) {
	}

	/**
	 * {@code value ≥ threshold}, forgiving the last bits of binary floating point: $5.30 against $0.30 is an excess
	 * of exactly $5.00 to a person, and must pass a $5.00 floor.
	 */
	static boolean atLeast(double value, double threshold) {
		return value >= threshold - 1e-9 * Math.max(1, Math.abs(threshold));
	}

	/**
	 * What the rule said about one day.
	 *
	 * @param spread {@code σ} after its floors
	 * @param ratio {@code x / b}, or null when the baseline is zero
	 * @param severity ALERT, WATCH or null (nothing to report)
	 * @param rule the rule that fired (or why none did), in plain numbers
	 */
	public record Verdict(double actual, RollingBaseline baseline, double spread, double excess, double z, Double ratio,
			Severity severity, String rule) {

		public boolean isAlert() {
			return severity == Severity.ALERT;
		}

	}

}
