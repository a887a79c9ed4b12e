package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How detection writes numbers: dollars in reasons, and the rounding of computed (not summed) figures.
 */
final class Money {

	private Money() {
	}

	/** "$59.70", "$0.0039", "−$1.20": cents, or two significant figures below a cent. */
	static String usd(double usd) {
		double abs = Math.abs(usd);
		String sign = usd < 0 ? "−" : "";
		if (abs == 0) {
			return "$0.00";
		}
		if (abs < 0.01) {
			return sign + "$" + new BigDecimal(abs).round(new MathContext(2)).stripTrailingZeros().toPlainString();
		}
		return sign + "$" + String.format(Locale.ROOT, "%,.2f", abs);
	}

	static String usd(BigDecimal usd) {
		return usd(usd.doubleValue());
	}

	/** "200×", "3×", "1.5×". */
	static String times(double ratio) {
		if (ratio >= 100) {
			return String.format(Locale.ROOT, "%,.0f×", ratio);
		}
		return BigDecimal.valueOf(ratio).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "×";
	}

	/** "502", "22.8", "4". */
	static String z(double z) {
		if (Math.abs(z) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", z);
		}
		return BigDecimal.valueOf(z).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** "545K", "1.2M", "800": token counts. */
	static String tokens(double tokens) {
		if (tokens >= 999_500) {
			return BigDecimal.valueOf(tokens / 1_000_000).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
				.toPlainString() + "M";
		}
		if (tokens >= 999.5) {
			return Math.round(tokens / 1_000) + "K";
		}
		return String.valueOf(Math.round(tokens));
	}

	/** A computed dollar figure for the JSON: 6 decimals at most, no trailing zeros. */
	static BigDecimal exact(double usd) {
		if (Double.isNaN(usd) || Double.isInfinite(usd)) {
			return null;
		}
		BigDecimal value = BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_EVEN);
		return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
	}

	private static final java.time.format.DateTimeFormatter ISO_UTC = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	/** A UTC wall-clock time as the digest writes times: ISO-8601 with milliseconds and Z. */
	static String iso(java.time.LocalDateTime utc) {
		return utc == null ? null : ISO_UTC.format(utc);
	}

	/** A statistic (z, ratio, share) for the JSON: {@code places} decimals. */
	static Double round(Double value, int places) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return null;
		}
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

}
