package dev.spendaudit.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The digest's charts, drawn with JFreeChart: 30 days of metered spend stacked by the top workloads, and one
 * sparkline per top workload. Light background, colour-blind-safe palette, drawn at twice the size they are shown
 * at so they stay sharp on high-DPI screens.
 */
class DigestCharts {

	/** Tableau 10's first colours: distinguishable for the common colour-vision deficiencies. */
	static final Color[] PALETTE = { new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F),
			new Color(0xE15759), new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1),
			new Color(0xFF9DA7) };

	static final Color OTHERS = new Color(0xBAB0AC);

	static final Color INK = new Color(0x374151);

	static final Color GRID = new Color(0xE5E7EB);

	static final int SCALE = 2;

	static final int CHART_WIDTH = 552;

	static final int CHART_HEIGHT = 250;

	static final int SPARK_WIDTH = 150;

	static final int SPARK_HEIGHT = 30;

	private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	/** Sized to stay legible when a phone shows the chart at 60 % of its width. */
	private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	/**
	 * The 30-day chart: one bar per audited day, stacked by {@code series} (the top workloads) and "others"; days
	 * that were not audited have no bar. The audited day is shaded.
	 */
	byte[] spend30(History history, List<String> series) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<LocalDate> days = history.chartDays();
		boolean others = days.stream().anyMatch(day -> others(history, series, day).signum() > 0);
		for (int i = 0; i < days.size(); i++) {
			LocalDate day = days.get(i);
			// a label every seventh day, counted back from the audited day so that it is always labelled
			DayKey key = new DayKey(day, (days.size() - 1 - i) % 7 == 0 ? DAY_LABEL.format(day) : "");
			for (int s = 0; s < series.size(); s++) {
				dataset.addValue(history.workloadUsd(series.get(s), day), new SeriesKey(s, legend(series.get(s))), key);
			}
			if (others) {
				dataset.addValue(history.audited(day) ? others(history, series, day) : null,
						new SeriesKey(series.size(), "others"), key);
			}
		}
		CategoryAxis domain = new CategoryAxis();
		domain.setTickLabelFont(TICKS);
		domain.setTickLabelPaint(INK);
		domain.setTickMarksVisible(false);
		domain.setAxisLineVisible(false);
		domain.setCategoryMargin(0.25);
		// most days are unlabelled, so a label may spill over its neighbours instead of shrinking to "..."
		domain.setMaximumCategoryLabelWidthRatio(8f);
		domain.setLowerMargin(0.01);
		domain.setUpperMargin(0.01);
		NumberAxis range = new NumberAxis();
		range.setTickLabelFont(TICKS);
		range.setTickLabelPaint(INK);
		range.setNumberFormatOverride(new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)));
		range.setAxisLineVisible(false);
		range.setTickMarksVisible(false);
		range.setUpperMargin(0.08);
		StackedBarRenderer renderer = new StackedBarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		renderer.setMaximumBarWidth(0.05);
		for (int s = 0; s < series.size(); s++) {
			renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
		}
		renderer.setSeriesPaint(series.size(), OTHERS);
		CategoryPlot plot = new CategoryPlot(dataset, domain, range, renderer);
		plot.setOrientation(PlotOrientation.VERTICAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setDomainGridlinesVisible(false);
		plot.setInsets(new RectangleInsets(6, 2, 2, 8));
		CategoryMarker today = new CategoryMarker((Comparable<?>) dataset.getColumnKey(days.size() - 1),
				new Color(0xFEF3C7), new BasicStroke(1f));
		today.setDrawAsLine(false);
		plot.addDomainMarker(today, Layer.BACKGROUND);
		JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setPadding(new RectangleInsets(4, 4, 4, 4));
		LegendTitle legend = chart.getLegend();
		legend.setPosition(RectangleEdge.BOTTOM);
		legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		legend.setItemPaint(INK);
		legend.setFrame(BlockBorder.NONE);
		legend.setBackgroundPaint(Color.WHITE);
		return png(chart, CHART_WIDTH, CHART_HEIGHT, false);
	}

	/** The day's spend of every workload not in {@code series} (zero on a day that was not audited). */
	private static BigDecimal others(History history, List<String> series, LocalDate day) {
		BigDecimal total = history.dailyUsd().getOrDefault(day, BigDecimal.ZERO);
		for (String workload : series) {
			BigDecimal usd = history.workloadUsd(workload, day);
			total = usd == null ? total : total.subtract(usd);
		}
		return total.max(BigDecimal.ZERO);
	}

	/**
	 * A workload's daily spend over the chart's days as a bare line, with a dot on the audited day; gaps for days
	 * that were not audited. Transparent, so it sits on a light or a dark background.
	 */
	byte[] sparkline(History history, String workload, Color colour) {
		XYSeries line = new XYSeries("usd", true, false);
		List<LocalDate> days = history.chartDays();
		for (int i = 0; i < days.size(); i++) {
			BigDecimal usd = history.workloadUsd(workload, days.get(i));
			line.add(i, usd == null ? null : usd.doubleValue());
		}
		XYSeries last = new XYSeries("today");
		BigDecimal today = history.workloadUsd(workload, history.date());
		if (today != null) {
			last.add(days.size() - 1, today.doubleValue());
		}
		XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(line);
		data.addSeries(last);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
		renderer.setSeriesLinesVisible(0, true);
		renderer.setSeriesShapesVisible(0, false);
		renderer.setSeriesPaint(0, colour);
		renderer.setSeriesStroke(0, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		renderer.setSeriesLinesVisible(1, false);
		renderer.setSeriesShapesVisible(1, true);
		renderer.setSeriesShape(1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
		renderer.setSeriesPaint(1, colour);
		NumberAxis x = new NumberAxis();
		x.setVisible(false);
		x.setRange(-0.5, days.size() - 0.5);
		NumberAxis y = new NumberAxis();
		y.setVisible(false);
		y.setAutoRangeIncludesZero(true);
		y.setUpperMargin(0.12);
		y.setLowerMargin(0.08);
		XYPlot plot = new XYPlot(data, x, y, renderer);
		plot.setBackgroundPaint(null);
		plot.setOutlineVisible(false);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		plot.setInsets(RectangleInsets.ZERO_INSETS);
		plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
		JFreeChart chart = new JFreeChart(null, null, plot, false);
		chart.setBackgroundPaint(null);
		chart.setBorderVisible(false);
		chart.setPadding(new RectangleInsets(3, 3, 3, 3));
		return png(chart, SPARK_WIDTH, SPARK_HEIGHT, true);
	}

	private static byte[] png(JFreeChart chart, int width, int height, boolean transparent) {
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.scale(SCALE, SCALE);
			chart.draw(g, new Rectangle(0, 0, width, height));
		}
		finally {
			g.dispose();
		}
		try {
			return ChartUtils.encodeAsPNG(image, true, 9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot encode a chart as PNG: " + ex.getMessage(), ex);
		}
	}

	/** Legend text: workload names are free text, so long ones are shortened. */
	static String legend(String workload) {
		return workload.length() <= 28 ? workload : workload.substring(0, 27) + "…";
	}

	/** Colour as CSS hex, so the HTML can match a sparkline's colour. */
	static String css(Color colour) {
		return String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
	}

	/** A bar's day; unique by date, shown by {@code label} (blank on most days). */
	record DayKey(LocalDate date, String label) implements Comparable<DayKey> {

		@Override
		public int compareTo(DayKey other) {
			return date.compareTo(other.date);
		}

		@Override
		public String toString() {
			return label;
		}

	}

	/** A stack's series; unique by rank, shown by {@code label}. */
	record SeriesKey(int rank, String label) implements Comparable<SeriesKey> {

		@Override
		public int compareTo(SeriesKey other) {
			return Integer.compare(rank, other.rank);
		}

		@Override
		public String toString() {
			return label;
		}

	}

}
