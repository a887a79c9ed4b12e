package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the digest writes numbers, in one place: the templates call it as {@code fmt} (e.g.
 * {@code ${fmt.usd(x)}}). Money stays exact everywhere else; it is rounded only here, for reading.
 */
public final class DigestFormat {

	private static final BigDecimal CENTS_FROM = new BigDecimal("0.10");

	private static final BigDecimal SMALLEST = new BigDecimal("0.0001");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * USD for reading: cents from $0.10 up ({@code $1,234.57}); below that two significant digits
	 * ({@code $0.043}, {@code $0.0012}), so a small workload never shows as {@code $0.00}; {@code <$0.0001} below
	 * that; {@code –} for no value.
	 */
	public String usd(Object value) {
		BigDecimal usd = decimal(value);
		if (usd == null) {
			return "–";
		}
		String sign = usd.signum() < 0 ? "-" : "";
		BigDecimal abs = usd.abs();
		if (abs.signum() == 0) {
			return "$0.00";
		}
		if (abs.compareTo(CENTS_FROM) >= 0) {
			return sign + "$" + grouped(2).format(abs.setScale(2, RoundingMode.HALF_UP));
		}
		if (abs.compareTo(SMALLEST) < 0) {
			return sign + "<$0.0001";
		}
		return sign + "$" + abs.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
	}

	/** A count with thousands separators: {@code 1,234}. */
	public String count(Object value) {
		BigDecimal n = decimal(value);
		return n == null ? "–" : grouped(0).format(n);
	}

	/** Tokens, short: {@code 950}, {@code 12.3k}, {@code 2.05M}, {@code 1.2B}. */
	public String tokens(Object value) {
		BigDecimal n = decimal(value);
		if (n == null) {
			return "–";
		}
		double v = n.doubleValue();
		if (v < 1_000) {
			return grouped(0).format(n);
		}
		String[] units = { "k", "M", "B", "T" };
		int unit = -1;
		while (v >= 999.5 && unit < units.length - 1) {
			v /= 1_000;
			unit++;
		}
		return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString()
				+ units[unit];
	}

	/** {@code part} as a share of {@code whole}: {@code 42%}, {@code <1%}; {@code –} when the whole is zero. */
	public String share(Object part, Object whole) {
		BigDecimal p = decimal(part);
		BigDecimal w = decimal(whole);
		if (p == null || w == null || w.signum() == 0) {
			return "–";
		}
		BigDecimal pct = p.multiply(HUNDRED).divide(w, 1, RoundingMode.HALF_UP);
		if (p.signum() > 0 && pct.compareTo(BigDecimal.ONE) < 0) {
			return "<1%";
		}
		return pct.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/**
	 * The change from {@code reference} to {@code actual}: {@code +12%}, {@code -5%}, {@code ±0%}; {@code new} when
	 * the reference is zero and the actual is not; {@code –} when either is missing.
	 */
	public String change(Object actual, Object reference) {
		BigDecimal a = decimal(actual);
		BigDecimal r = decimal(reference);
		if (a == null || r == null) {
			return "–";
		}
		if (r.signum() == 0) {
			return a.signum() == 0 ? "±0%" : "new";
		}
		BigDecimal pct = a.subtract(r).multiply(HUNDRED).divide(r.abs(), 0, RoundingMode.HALF_UP);
		if (pct.signum() == 0) {
			return "±0%";
		}
		return (pct.signum() > 0 ? "+" : "-") + grouped(0).format(pct.abs()) + "%";
	}

	/** {@code up}, {@code down} or {@code flat}: which way {@link #change} went, for colouring it. */
	public String direction(Object actual, Object reference) {
		String change = change(actual, reference);
		if (change.startsWith("+") || change.equals("new")) {
			return "up";
		}
		return change.startsWith("-") ? "down" : "flat";
	}

	static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal d) {
			return d;
		}
		if (value instanceof Number n) {
			return new BigDecimal(n.toString());
		}
		return new BigDecimal(value.toString());
	}

	private static DecimalFormat grouped(int decimals) {
		DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(Locale.US));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format;
	}

}
