package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How detection rounds the figures it computes (not sums) for the JSON. Printing them for people is
 * {@link dev.spendaudit.core.Quantities}'.
 */
final class Money {

	private Money() {
	}

	/** A computed dollar figure for the JSON: 6 decimals at most, no trailing zeros. */
	static BigDecimal exact(double usd) {
		if (Double.isNaN(usd) || Double.isInfinite(usd)) {
			return null;
		}
		BigDecimal value = BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_EVEN);
		return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
	}

	/** A statistic (z, ratio, share) for the JSON: {@code places} decimals. */
	static Double round(Double value, int places) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return null;
		}
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

}
