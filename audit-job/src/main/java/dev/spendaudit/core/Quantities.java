package dev.spendaudit.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way a quantity is printed, for people: the digest's HTML and text (the templates call it as
 * {@code fmt}), the reasons of findings, the terminal and the log. Numbers stay exact everywhere else (the JSON
 * keeps them as numbers); they are rounded only here. {@code –} stands for no value.
 */
public final class Quantities {

	static final String NONE = "–";

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private static final BigDecimal SMALLEST = new BigDecimal("0.0001");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal TEN = BigDecimal.TEN;

	private static final String[] UNITS = { "K", "M", "B", "T" };

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private Quantities() {
	}

	/**
	 * Dollars: cents from a cent up ({@code $61.55}, {@code $1,234.00}); below a cent two significant digits at
	 * most ({@code $0.0035}, {@code $0.00056}), so a small spend never reads as nothing; {@code <$0.0001} below
	 * that; {@code $0.00} for zero.
	 */
	public static String usd(Number value) {
		BigDecimal usd = decimal(value);
		if (usd == null) {
			return NONE;
		}
		String sign = usd.signum() < 0 ? "-" : "";
		BigDecimal abs = usd.abs();
		if (abs.signum() == 0) {
			return "$0.00";
		}
		if (abs.compareTo(SMALLEST) < 0) {
			return sign + "<$0.0001";
		}
		if (abs.compareTo(CENT) < 0) {
			BigDecimal rounded = abs.round(new MathContext(2, RoundingMode.HALF_UP));
			if (rounded.compareTo(CENT) < 0) {
				return sign + "$" + rounded.stripTrailingZeros().toPlainString();
			}
		}
		return sign + "$" + grouped(2).format(abs.setScale(2, RoundingMode.HALF_UP));
	}

	/** A count: {@code 1,680}. */
	public static String count(Number value) {
		BigDecimal n = decimal(value);
		return n == null ? NONE : grouped(0).format(n.setScale(0, RoundingMode.HALF_UP));
	}

	/** Tokens: {@code 950}, {@code 1.2K}, {@code 545K}, {@code 1.2M}, {@code 12B}. */
	public static String tokens(Number value) {
		BigDecimal n = decimal(value);
		if (n == null) {
			return NONE;
		}
		BigDecimal scaled = n.abs().setScale(0, RoundingMode.HALF_UP);
		if (scaled.compareTo(BigDecimal.valueOf(1_000)) < 0) {
			return count(n);
		}
		int unit = -1;
		BigDecimal thousand = BigDecimal.valueOf(1_000);
		while (unit < UNITS.length - 1 && rounded(scaled).compareTo(thousand) >= 0) {
			scaled = scaled.divide(thousand);
			unit++;
		}
		return (n.signum() < 0 ? "-" : "") + rounded(scaled).stripTrailingZeros().toPlainString() + UNITS[unit];
	}

	/** One decimal below ten ({@code 1.2}), none from ten up ({@code 545}). */
	private static BigDecimal rounded(BigDecimal value) {
		BigDecimal one = value.setScale(1, RoundingMode.HALF_UP);
		return one.compareTo(TEN) < 0 ? one : value.setScale(0, RoundingMode.HALF_UP);
	}

	/** A share given as a fraction ({@code 0.98}): {@code 98%}; one decimal below 10% ({@code 4.5%}). */
	public static String percent(Number fraction) {
		BigDecimal f = decimal(fraction);
		return f == null ? NONE : (f.signum() < 0 ? "-" : "") + percentage(f.abs().multiply(HUNDRED));
	}

	/** {@code part} of {@code whole} as a {@link #percent}; {@code –} when the whole is zero. */
	public static String share(Number part, Number whole) {
		BigDecimal p = decimal(part);
		BigDecimal w = decimal(whole);
		if (p == null || w == null || w.signum() == 0) {
			return NONE;
		}
		return percent(p.divide(w, MathContext.DECIMAL64));
	}

	/**
	 * The change from {@code reference} to {@code actual}: {@code +12%}, {@code -4.5%}, {@code ±0%}; {@code new}
	 * when the reference is zero and the actual is not.
	 */
	public static String change(Number actual, Number reference) {
		BigDecimal a = decimal(actual);
		BigDecimal r = decimal(reference);
		if (a == null || r == null) {
			return NONE;
		}
		if (r.signum() == 0) {
			return a.signum() == 0 ? "±0%" : "new";
		}
		BigDecimal pct = a.subtract(r).multiply(HUNDRED).divide(r.abs(), MathContext.DECIMAL64);
		String magnitude = percentage(pct.abs());
		if (magnitude.equals("0%") || magnitude.equals("<0.1%")) {
			return "±0%";
		}
		return (pct.signum() > 0 ? "+" : "-") + magnitude;
	}

	private static String percentage(BigDecimal pct) {
		if (pct.signum() == 0) {
			return "0%";
		}
		BigDecimal one = pct.setScale(1, RoundingMode.HALF_UP);
		if (one.signum() == 0) {
			return "<0.1%";
		}
		if (one.compareTo(TEN) < 0) {
			return one.toPlainString() + "%";
		}
		return grouped(0).format(pct.setScale(0, RoundingMode.HALF_UP)) + "%";
	}

	/** A ratio: {@code 3×}, {@code 1.5×}, {@code 200×}. */
	public static String ratio(Number value) {
		String n = number(value);
		return n.equals(NONE) ? n : n + "×";
	}

	/** A statistic such as a z-score: one decimal below 100 ({@code 22.8}, {@code 4}), none above ({@code 502}). */
	public static String number(Number value) {
		BigDecimal n = decimal(value);
		if (n == null) {
			return NONE;
		}
		if (n.abs().compareTo(HUNDRED) >= 0) {
			return grouped(0).format(n.setScale(0, RoundingMode.HALF_UP));
		}
		return n.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** A duration: {@code 90 min} below two hours, {@code 34 h} below two days, then {@code 2 d} or {@code 2.5 d}. */
	public static String duration(Duration value) {
		if (value == null) {
			return NONE;
		}
		String sign = value.isNegative() ? "-" : "";
		long minutes = BigDecimal.valueOf(value.abs().toSeconds())
			.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP)
			.longValue();
		if (minutes < 120) {
			return sign + minutes + " min";
		}
		long hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValue();
		if (hours < 48) {
			return sign + hours + " h";
		}
		return sign + BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(1_440), 1, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString() + " d";
	}

	/** How long a run took: {@code 14 s} below two minutes, then as {@link #duration}. */
	public static String elapsed(Duration value) {
		if (value == null) {
			return NONE;
		}
		if (value.abs().toSeconds() < 120) {
			return (value.isNegative() ? "-" : "") + BigDecimal.valueOf(value.abs().toMillis())
				.divide(BigDecimal.valueOf(1_000), 0, RoundingMode.HALF_UP)
				.toPlainString() + " s";
		}
		return duration(value);
	}

	/** A duration given in hours ({@code 34.5}), as {@link #duration}. */
	public static String hours(Number hours) {
		BigDecimal h = decimal(hours);
		return h == null ? NONE
				: duration(Duration.ofSeconds(h.multiply(BigDecimal.valueOf(3_600)).setScale(0, RoundingMode.HALF_UP)
					.longValueExact()));
	}

	/** A UTC wall-clock time in {@code zone}, to the minute: {@code 2026-11-30 16:10}. */
	public static String time(LocalDateTime utc, ZoneId zone) {
		return utc == null ? NONE : MINUTE.format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone));
	}

	/** The same with the zone named, where a reader needs it: {@code 2026-11-30 17:10 Europe/Berlin}. */
	public static String zonedTime(LocalDateTime utc, ZoneId zone) {
		return utc == null ? NONE : time(utc, zone) + " " + zoneName(zone);
	}

	/**
	 * A time as the JSON writes it ({@code 2026-11-30T16:10:42.000Z}, UTC) in the zone the JSON names
	 * ({@code Europe/Berlin}): {@code 2026-11-30 17:10}. For the templates, which read the document.
	 */
	public static String isoTime(String isoUtc, String zone) {
		return isoUtc == null ? NONE : time(UtcTimes.parse(isoUtc), ZoneId.of(zone));
	}

	/** {@code UTC} for UTC however it is spelt, else the zone's id. */
	public static String zoneName(ZoneId zone) {
		return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
	}

	static BigDecimal decimal(Number value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal d) {
			return d;
		}
		if (value instanceof Double || value instanceof Float) {
			double d = value.doubleValue();
			return Double.isNaN(d) || Double.isInfinite(d) ? null : BigDecimal.valueOf(d);
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
