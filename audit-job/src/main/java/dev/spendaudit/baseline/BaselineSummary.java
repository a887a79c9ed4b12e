package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.List;

import static dev.spendaudit.core.Quantities.number;
import static dev.spendaudit.core.Quantities.ratio;
import static dev.spendaudit.core.Quantities.usd;


/**
 * The digest's {@code baseline}: the day's total against its rolling median, the thresholds in force, and the
 * biggest movers that stayed quiet (with why), so "nothing to report" can be checked.
 *
 * @param actualUsd the day's total, planned spend set aside
 * @param baselineUsd the median of the previous {@code historyDays} closed days
 * @param plannedUsd spend inside planned windows, set aside from the total
 * @param historyDays days in the baseline (up to {@code windowDays}; planned days and days before the first
 * traffic are not counted)
 * @param quietMovers the largest increases that did not pass the rules, with the rule's reason
 */
public record BaselineSummary(BigDecimal actualUsd, BigDecimal baselineUsd, BigDecimal excessUsd, BigDecimal spreadUsd,
		Double z, BigDecimal plannedUsd, int historyDays, int windowDays, List<Mover> quietMovers, Rules rules) {

	public record Mover(String subject, BigDecimal actualUsd, BigDecimal baselineUsd, BigDecimal excessUsd, Double z,
			String rule) {
	}

	/** The thresholds in force (spend-audit.detection.*). */
	public record Rules(String alert, String watch, String drift, String spread) {

		static Rules of(DetectionSettings s) {
			return new Rules(
					"excess ≥ " + usd(s.alert().excessUsd()) + " and ≥ " + ratio(s.alert().ratio())
							+ " baseline and z ≥ " + number(s.alert().z()),
					"excess ≥ " + usd(s.watch().excessUsd()) + " and z ≥ " + number(s.watch().z()),
					"last " + s.drift().days() + " days − " + s.drift().days() + " × median of the "
							+ s.windowDays() + " before ≥ " + usd(s.drift().excessUsd()) + " and ≥ "
							+ ratio(s.drift().ratio()),
					"σ = max(" + s.spread().madScale() + " × MAD, " + s.spread().relativeFloor() + " × baseline, "
							+ usd(s.spread().floorUsd()) + ")");
		}

	}

}
