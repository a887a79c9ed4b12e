package dev.spendaudit.digest;

import java.awt.Color;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spendaudit.core.DisplayText;
import dev.spendaudit.core.Quantities;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * Renders a day's {@link DigestDocument} with the Freemarker templates in {@code report-templates/}: the HTML
 * page ({@code digest.ftlh}, which escapes every value), the plain-text alternative ({@code digest.txt.ftl}) and
 * the charts.
 */
public class DigestRenderer {

	static final String HTML = "digest.ftlh";

	static final String TEXT = "digest.txt.ftl";

	private static final DateTimeFormatter RANGE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

	private final Configuration freemarker;

	private final DigestHistory history;

	private final DigestCharts charts;

	private final DigestSettings settings;

	private final DisplayWrapper display = new DisplayWrapper();

	DigestRenderer(Configuration freemarker, DigestHistory history, DigestSettings settings) {
		this.freemarker = freemarker;
		this.history = history;
		this.charts = new DigestCharts();
		this.settings = settings;
	}

	/** The digest as the mail shows it (images by {@code cid:}), and the HTML for the file next to the PNGs. */
	public Rendering render(DigestDocument document) {
		History h = history.of(document.date());
		SpendComparison comparison = document.sections().get(HistorySection.NAME) instanceof SpendComparison c ? c
				: h.comparison();
		List<String> series = chartSeries(h);
		List<InlineImage> images = new ArrayList<>();
		InlineImage chart = null;
		if (!series.isEmpty()) {
			chart = image(document.date(), "spend-30d", charts.spend30(h, series), DigestCharts.CHART_WIDTH,
					DigestCharts.CHART_HEIGHT, chartAlt(h, series));
			images.add(chart);
		}
		List<DigestView.Spark> sparks = sparklines(document, h, series);
		sparks.forEach(s -> images.add(s.image()));
		String subject = DigestView.subject(document, comparison);
		DigestView view = DigestView.of(document, comparison, subject, settings, chart, chartNote(h), sparks);
		Map<String, Object> model = new HashMap<>();
		model.put("digest", document);
		model.put("view", view);
		model.put("fmt", quantities());
		model.put("mail", true);
		String html = process(HTML, model);
		String text = process(TEXT, model);
		model.put("mail", false);
		String htmlFile = process(HTML, model);
		return new Rendering(new RenderedDigest(document.date(), subject, html, text, List.copyOf(images),
				settings.mailChoice(document.status(), missedStatuses(document))), htmlFile);
	}

	/**
	 * @param digest what the mail is made of
	 * @param htmlFile the same HTML with the images pointing at the PNG files written next to it, so that it opens
	 * in a browser
	 */
	public record Rendering(RenderedDigest digest, String htmlFile) {
	}

	/** The statuses of the catch-up's other days the digest lists: an ALERT among them is mailed through it. */
	private static List<String> missedStatuses(DigestDocument document) {
		if (document.sections().get(MissedDay.FIELD) instanceof List<?> missed) {
			return missed.stream().filter(MissedDay.class::isInstance).map(m -> ((MissedDay) m).status()).toList();
		}
		return List.of();
	}

	/** The workloads stacked by name: the biggest spenders over the chart's days. */
	private List<String> chartSeries(History h) {
		return h.workloadUsd()
			.keySet()
			.stream()
			.filter(w -> h.chartTotal(w).signum() > 0)
			.sorted(Comparator.comparing(h::chartTotal).reversed().thenComparing(Comparator.naturalOrder()))
			.limit(settings.chartWorkloads())
			.toList();
	}

	/** One per top workload of the day that spent anything in the chart's days, in the chart's colour. */
	private List<DigestView.Spark> sparklines(DigestDocument document, History h, List<String> series) {
		List<DigestView.Spark> sparks = new ArrayList<>();
		for (DigestDocument.WorkloadSpend w : document.workloads()) {
			if (sparks.size() == settings.chartWorkloads()) {
				break;
			}
			BigDecimal total = h.chartTotal(w.workload());
			if (total.signum() <= 0) {
				continue;
			}
			int index = series.indexOf(w.workload());
			Color colour = index >= 0 ? DigestCharts.PALETTE[index] : DigestCharts.INK;
			InlineImage png = image(document.date(), "spark-" + (sparks.size() + 1),
					charts.sparkline(h, w.workload(), colour), DigestCharts.SPARK_WIDTH, DigestCharts.SPARK_HEIGHT,
					"Daily spend of " + w.workload() + " over the last 30 days");
			sparks.add(new DigestView.Spark(DisplayText.name(w.workload()), png, DigestCharts.css(colour),
					Quantities.usd(w.usd()), Quantities.usd(total), textSpark(h, w.workload())));
		}
		return sparks;
	}

	private static InlineImage image(LocalDate date, String name, byte[] png, int width, int height, String alt) {
		return new InlineImage(name + "." + date + "@spend-audit", DigestFiles.imageName(date, name), png, width,
				height, alt);
	}

	private static String chartAlt(History h, List<String> series) {
		List<LocalDate> days = h.chartDays();
		return "Metered spend per day, " + RANGE.format(days.get(0)) + " to " + RANGE.format(days.get(days.size() - 1))
				+ ", stacked by workload: " + String.join(", ", series) + " and others";
	}

	private static String chartNote(History h) {
		int audited = h.auditedChartDays();
		if (audited == History.CHART_DAYS) {
			return "All 30 days audited. The shaded bar is the audited day.";
		}
		return audited + " of the 30 days audited; days that were not audited have no bar. The shaded bar is the"
				+ " audited day.";
	}

	/** A sparkline in block characters, for the plain-text part. */
	static String textSpark(History h, String workload) {
		List<LocalDate> days = h.chartDays();
		BigDecimal max = days.stream()
			.map(d -> h.workloadUsd(workload, d))
			.filter(v -> v != null)
			.max(Comparator.naturalOrder())
			.orElse(BigDecimal.ZERO);
		StringBuilder s = new StringBuilder();
		for (LocalDate day : days) {
			BigDecimal usd = h.workloadUsd(workload, day);
			if (usd == null) {
				s.append('·');
			}
			else if (max.signum() == 0) {
				s.append(BLOCKS[0]);
			}
			else {
				int level = (int) Math.round(usd.doubleValue() / max.doubleValue() * (BLOCKS.length - 1));
				s.append(BLOCKS[Math.max(0, Math.min(BLOCKS.length - 1, level))]);
			}
		}
		return s.toString();
	}

	/** {@link Quantities}' static methods for the templates, as {@code fmt} ({@code ${fmt.usd(x)}}). */
	private TemplateModel quantities() {
		try {
			return ((BeansWrapper) freemarker.getObjectWrapper()).getStaticModels().get(Quantities.class.getName());
		}
		catch (TemplateModelException ex) {
			throw new IllegalStateException("cannot give the templates " + Quantities.class.getName(), ex);
		}
	}

	private String process(String template, Map<String, Object> model) {
		try {
			StringWriter out = new StringWriter();
			freemarker.getTemplate(template).process(model, out, display);
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the digest template " + template + ": " + ex.getMessage(), ex);
		}
		catch (TemplateException ex) {
			// one line that says where and what, e.g. "... in sections/probe.ftlh line 3: ... missing: section.note"
			String where = ex.getTemplateSourceName() == null ? ""
					: " in " + ex.getTemplateSourceName() + " line " + ex.getLineNumber();
			String what = ex.getMessageWithoutStackTop().lines().findFirst().orElse("").strip();
			String blamed = ex.getBlamedExpressionString() == null ? "" : " " + ex.getBlamedExpressionString();
			throw new IllegalStateException("rendering " + template + " failed" + where + ": " + what + blamed, ex);
		}
	}

}
