package dev.spendaudit.archive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The archive's inline SVG, drawn here as path data (numbers and path letters only, nothing from the store), so
 * the templates print it escaped like any other value: the stacked daily chart and the sparklines.
 */
public final class ArchiveSvg {

	static final int CHART_WIDTH = 720;

	private static final SortedMap<LocalDate, BigDecimal> EMPTY = new TreeMap<>();

	static final int CHART_HEIGHT = 160;

	static final int SPARK_WIDTH = 120;

	static final int SPARK_HEIGHT = 24;

	private ArchiveSvg() {
	}

	/**
	 * SVG path data. Not a {@code String} on purpose: the templates' strings are display text, cut at a readable
	 * length, and a path must print whole; this holds only numbers and path letters, so it needs no escaping.
	 */
	public record PathData(String d) {

		@Override
		public String toString() {
			return d;
		}

	}

	/** One series of the stacked chart: its CSS class ({@code s0} .. , {@code others}) and its bars as a path. */
	public record Layer(String name, String cssClass, BigDecimal usd, PathData path) {
	}

	/** A day's column, for its tooltip. */
	public record Column(LocalDate date, String x, String width, BigDecimal usd) {
	}

	public record Chart(List<Layer> layers, List<Column> columns, BigDecimal maxUsd) {
	}

	/**
	 * The days {@code days} (oldest first) stacked by {@code named} workloads, bottom up, then the rest as
	 * {@code others}.
	 */
	static Chart stacked(List<LocalDate> days, List<String> named, Map<String, SortedMap<LocalDate, BigDecimal>> series) {
		int n = days.size();
		BigDecimal[] totals = new BigDecimal[n];
		for (int i = 0; i < n; i++) {
			totals[i] = BigDecimal.ZERO;
			for (SortedMap<LocalDate, BigDecimal> s : series.values()) {
				totals[i] = totals[i].add(s.getOrDefault(days.get(i), BigDecimal.ZERO));
			}
		}
		BigDecimal max = BigDecimal.ZERO;
		for (BigDecimal t : totals) {
			max = max.max(t);
		}
		double scale = max.signum() == 0 ? 0 : (CHART_HEIGHT - 4) / max.doubleValue();
		double step = n == 0 ? 0 : (double) CHART_WIDTH / n;
		double width = Math.max(1, step - 1);
		double[] base = new double[n];
		List<Layer> layers = new ArrayList<>();
		List<List<BigDecimal>> values = new ArrayList<>();
		for (String w : named) {
			List<BigDecimal> v = new ArrayList<>();
			for (LocalDate d : days) {
				v.add(series.getOrDefault(w, EMPTY).getOrDefault(d, BigDecimal.ZERO));
			}
			values.add(v);
		}
		List<BigDecimal> rest = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			BigDecimal r = totals[i];
			for (List<BigDecimal> v : values) {
				r = r.subtract(v.get(i));
			}
			rest.add(r.max(BigDecimal.ZERO));
		}
		for (int k = 0; k <= named.size(); k++) {
			List<BigDecimal> v = k < named.size() ? values.get(k) : rest;
			StringBuilder d = new StringBuilder();
			BigDecimal sum = BigDecimal.ZERO;
			for (int i = 0; i < n; i++) {
				sum = sum.add(v.get(i));
				double h = v.get(i).doubleValue() * scale;
				if (h > 0) {
					double y = CHART_HEIGHT - base[i] - h;
					d.append('M').append(num(i * step)).append(' ').append(num(y)).append('h').append(num(width))
						.append('v').append(num(h)).append('h').append(num(-width)).append('Z');
					base[i] += h;
				}
			}
			if (k == named.size() && sum.signum() == 0) {
				break;
			}
			layers.add(new Layer(k < named.size() ? named.get(k) : "others",
					k < named.size() ? "s" + k : "others", sum, new PathData(d.toString())));
		}
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			columns.add(new Column(days.get(i), num(i * step), num(step), totals[i]));
		}
		return new Chart(layers, columns, max);
	}

	/** A line over {@code days} (oldest first), a day without calls at zero. */
	static PathData sparkline(List<LocalDate> days, SortedMap<LocalDate, BigDecimal> series, int width, int height) {
		BigDecimal max = BigDecimal.ZERO;
		for (LocalDate d : days) {
			max = max.max(series.getOrDefault(d, BigDecimal.ZERO));
		}
		double scale = max.signum() == 0 ? 0 : (height - 2) / max.doubleValue();
		double step = days.size() < 2 ? 0 : (double) width / (days.size() - 1);
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			double y = height - 1 - series.getOrDefault(days.get(i), BigDecimal.ZERO).doubleValue() * scale;
			path.append(i == 0 ? 'M' : 'L').append(num(i * step)).append(' ').append(num(y));
		}
		return new PathData(path.toString());
	}

	private static String num(double v) {
		return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
			.toLowerCase(Locale.ROOT);
	}

}
