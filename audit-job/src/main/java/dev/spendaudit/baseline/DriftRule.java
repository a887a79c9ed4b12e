package dev.spendaudit.baseline;

import dev.spendaudit.core.Severity;

import static dev.spendaudit.core.Quantities.ratio;
import static dev.spendaudit.core.Quantities.usd;

/**
 * Slow creep that no single day shows: the last week's sum {@code S7} against {@code B7}, seven times the median
 * day of the four weeks before it. ALERT when {@code S7 − B7 ≥ $10} and {@code S7 ≥ 2·B7}.
 */
public final class DriftRule {

	private final DetectionSettings.Drift settings;

	public DriftRule(DetectionSettings.Drift settings) {
		this.settings = settings;
	}

	public Verdict evaluate(double lastDays, double base) {
		double excess = lastDays - base;
		Double ratio = base > 0 ? lastDays / base : null;
		boolean excessOk = SpikeRule.atLeast(excess, settings.excessUsd());
		boolean ratioOk = SpikeRule.atLeast(lastDays, settings.ratio() * base);
		if (excessOk && ratioOk) {
			return new Verdict(lastDays, base, excess, ratio, Severity.ALERT,
					"ALERT: last " + settings.days() + " days " + usd(lastDays) + " vs " + usd(base)
							+ " (excess " + usd(excess) + " ≥ " + usd(settings.excessUsd()) + ", "
							+ (ratio == null ? "from a zero baseline" : ratio(ratio) + " ≥ "
									+ ratio(settings.ratio()))
							+ ")");
		}
		return new Verdict(lastDays, base, excess, ratio, null,
				"quiet: " + (!excessOk ? "excess " + usd(excess) + " < " + usd(settings.excessUsd())
						: ratio(ratio) + " < " + ratio(settings.ratio())));
	}

	/** @param ratio {@code S7 / B7}, or null when {@code B7} is zero */
	public record Verdict(double lastDays, double base, double excess, Double ratio, Severity severity, String rule) {
	}

}
