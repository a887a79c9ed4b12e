package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.List;

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
					"excess ≥ " + Money.usd(s.alert().excessUsd()) + " and ≥ " + Money.times(s.alert().ratio())
							+ " baseline and z ≥ " + Money.z(s.alert().z()),
					"excess ≥ " + Money.usd(s.watch().excessUsd()) + " and z ≥ " + Money.z(s.watch().z()),
					"last " + s.drift().days() + " days − " + s.drift().days() + " × median of the "
							+ s.windowDays() + " before ≥ " + Money.usd(s.drift().excessUsd()) + " and ≥ "
							+ Money.times(s.drift().ratio()),
					"σ = max(" + s.spread().madScale() + " × MAD, " + s.spread().relativeFloor() + " × baseline, "
							+ Money.usd(s.spread().floorUsd()) + ")");
		}

	}

}
