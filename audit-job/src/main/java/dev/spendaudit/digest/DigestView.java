package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.spendaudit.core.DisplayText;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.digest.DigestDocument.ModelSpend;
import dev.spendaudit.digest.DigestDocument.WorkloadSpend;
import dev.spendaudit.source.AnomalousRow;

import static dev.spendaudit.core.Quantities.change;
import static dev.spendaudit.core.Quantities.count;
import static dev.spendaudit.core.Quantities.share;
import static dev.spendaudit.core.Quantities.tokens;
import static dev.spendaudit.core.Quantities.usd;

/**
 * What the templates print, worked out from the day's {@link DigestDocument}: every number already formatted by
 * {@link Quantities}, the table cut to the top workloads plus one "others" row. The templates also get the
 * document itself (as {@code digest}) for the features' sections.
 *
 * @param subject the verdict and the money in one line, without the mail's prefix
 * @param statusLine {@code all quiet}, or the counts of ALERT and WATCH findings (the subject's verdict)
 * @param statusDetail the same in words, next to the status: {@code all quiet}, {@code 1 alert · 2 to watch}
 * @param workloadCount how many workloads the day had in all
 */
public record DigestView(String subject, String day, String zone, String status, String statusLine,
		String statusDetail, Headline headline, List<Comparison> comparisons, List<FindingRow> findings, List<WorkloadRow> rows,
		WorkloadRow others, WorkloadRow total, int workloadCount, InlineImage chart, String chartNote,
		List<Spark> sparklines, String anomalies, Footer footer) {

	/** Models listed under each workload before a "+ N more" line. */
	static final int MODELS_PER_WORKLOAD = 5;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	/** The day's metered spend and traffic. */
	public record Headline(String usd, String requests, String failed, String cacheHits, String tokensIn,
			String tokensOut) {
	}

	/**
	 * The day against a reference.
	 *
	 * @param direction {@code up}, {@code down}, {@code flat} or {@code none} (no reference)
	 * @param note what the reference is over, e.g. {@code 7 of 7 days audited}
	 */
	public record Comparison(String label, String reference, String change, String direction, String note) {
	}

	/**
	 * One finding, or (with {@code fold} set) the line that stands for the findings of a kind left out:
	 * {@code and 9,995 more NEW_WORKLOAD findings, $12.34}.
	 *
	 * @param resolved whether it is a finding resolved since the day before
	 * @param acknowledged {@code acknowledged: NOTE (until D)} when someone acknowledged it, else null
	 */
	public record FindingRow(String severity, String kind, String subject, String reason, String actual,
			String baseline, boolean resolved, String fold, String acknowledged) {
	}

	/**
	 * One row of the table.
	 *
	 * @param attribution how the workload was named when not by a live key's alias (e.g. {@code deleted key}),
	 * else null
	 * @param moreModels {@code + 3 more models ($0.02)} when some were left out, else null
	 */
	public record WorkloadRow(String name, String attribution, String usd, String share, String requests,
			String failed, String tokensIn, String tokensOut, List<ModelRow> models, String moreModels) {
	}

	public record ModelRow(String name, String provider, String usd, String share, String requests, String tokensIn,
			String tokensOut) {
	}

	/**
	 * A top workload's last 30 days.
	 *
	 * @param colour its colour in the 30-day chart (CSS hex)
	 * @param text the same line as text, one block character per day ({@code ·} for days not audited)
	 */
	public record Spark(String name, InlineImage image, String colour, String today, String last30Days,
			String text) {
	}

	/**
	 * @param newestRow when the data ends: the newest spend-log row, in UTC and (if different) in the day's zone
	 */
	public record Footer(String newestRow, long runId, String rerunCommand, String generatedAt) {
	}

	static DigestView of(DigestDocument d, SpendComparison comparison, String subject, DigestSettings settings,
			InlineImage chart, String chartNote, List<Spark> sparklines) {
		BigDecimal total = d.metered().usd();
		List<WorkloadRow> rows = new ArrayList<>();
		List<WorkloadSpend> workloads = d.workloads();
		// an "others" row for a single workload would hide its name to save nothing
		int shown = workloads.size() - settings.topWorkloads() > 1 ? settings.topWorkloads() : workloads.size();
		// the gateway is named only where workloads come from more than one
		boolean several = workloads.stream().map(w -> String.valueOf(w.source())).distinct().count() > 1;
		for (WorkloadSpend w : workloads.subList(0, shown)) {
			rows.add(row(w, total, several));
		}
		WorkloadRow others = shown < workloads.size() ? others(workloads.subList(shown, workloads.size()), total)
				: null;
		var m = d.metered();
		WorkloadRow totalRow = new WorkloadRow("Total", null, usd(total), share(total, total),
				count(m.requests()), count(m.failedRequests()), tokens(m.promptTokens()),
				tokens(m.completionTokens()), List.of(), null);
		return new DigestView(subject, DAY.format(d.date()), d.zone(), d.status(), statusLine(d), statusDetail(d),
				new Headline(usd(total), count(m.requests()), count(m.failedRequests()),
						count(m.cacheHits()), tokens(m.promptTokens()), tokens(m.completionTokens())),
				comparisons(total, comparison), FindingRows.of(d, settings.maxFindingsPerKind()), rows, others,
				totalRow, workloads.size(), chart, chartNote, sparklines, anomalies(d), footer(d));
	}

	/**
	 * {@code all quiet}, or e.g. {@code 1 ALERT, 2 WATCH}. INFO findings do not count, nor do acknowledged ones;
	 * folded ones do.
	 */
	static String statusLine(DigestDocument d) {
		long alerts = FindingRows.count(d, Severity.ALERT);
		long watches = FindingRows.count(d, Severity.WATCH);
		List<String> parts = new ArrayList<>();
		if (alerts > 0) {
			parts.add(alerts + " ALERT");
		}
		if (watches > 0) {
			parts.add(watches + " WATCH");
		}
		return parts.isEmpty() ? "all quiet" : String.join(", ", parts);
	}

	/** {@code all quiet}, or e.g. {@code 1 alert · 2 to watch}. */
	static String statusDetail(DigestDocument d) {
		long alerts = FindingRows.count(d, Severity.ALERT);
		long watches = FindingRows.count(d, Severity.WATCH);
		List<String> parts = new ArrayList<>();
		if (alerts > 0) {
			parts.add(alerts + (alerts == 1 ? " alert" : " alerts"));
		}
		if (watches > 0) {
			parts.add(watches + " to watch");
		}
		return parts.isEmpty() ? "all quiet" : String.join(" · ", parts);
	}

	/** A workload's row; with workloads on several gateways, its name says which (" · staging"). */
	private static WorkloadRow row(WorkloadSpend w, BigDecimal total, boolean several) {
		List<ModelSpend> models = w.models();
		List<ModelRow> shown = models.stream()
			.limit(MODELS_PER_WORKLOAD)
			.map(model -> new ModelRow(DisplayText.name(model.model()), DisplayText.name(model.provider()),
					usd(model.usd()), share(model.usd(), total), count(model.requests()), tokens(model.promptTokens()),
					tokens(model.completionTokens())))
			.toList();
		String more = null;
		if (models.size() > MODELS_PER_WORKLOAD) {
			List<ModelSpend> rest = models.subList(MODELS_PER_WORKLOAD, models.size());
			more = "+ " + rest.size() + " more models ("
					+ usd(rest.stream().map(ModelSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add)) + ")";
		}
		String name = DisplayText.name(w.workload());
		if (several) {
			name = name + " · " + (w.source() == null ? "several gateways" : w.source());
		}
		return new WorkloadRow(name, attribution(w.attribution()), usd(w.usd()),
				share(w.usd(), total), count(w.requests()), count(w.failedRequests()),
				tokens(w.promptTokens()), tokens(w.completionTokens()), shown, more);
	}

	private static WorkloadRow others(List<WorkloadSpend> rest, BigDecimal total) {
		BigDecimal usd = rest.stream().map(WorkloadSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new WorkloadRow("Others (" + rest.size() + " workloads)", null, usd(usd), share(usd, total),
				count(rest.stream().mapToLong(WorkloadSpend::requests).sum()),
				count(rest.stream().mapToLong(WorkloadSpend::failedRequests).sum()),
				tokens(rest.stream().mapToLong(WorkloadSpend::promptTokens).sum()),
				tokens(rest.stream().mapToLong(WorkloadSpend::completionTokens).sum()), List.of(), null);
	}

	/** Words for the rules other than a live key's alias, which is the normal case and goes unlabelled. */
	static String attribution(String rule) {
		return switch (rule) {
			case "KEY_ALIAS" -> null;
			case "DELETED_KEY" -> "deleted key";
			case "ROTATED_KEY" -> "rotated key";
			case "REQUEST_ALIAS" -> "alias from the request";
			case "MASTER_KEY" -> "master key";
			case "KEY_NAME" -> "key without alias";
			case "UNKNOWN_KEY" -> "unknown key";
			default -> rule.toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

	private static List<Comparison> comparisons(BigDecimal usd, SpendComparison c) {
		List<Comparison> list = new ArrayList<>();
		if (c.previousDay() == null) {
			list.add(new Comparison("the day before", "–", "–", "none", "not audited"));
		}
		else {
			BigDecimal before = c.previousDay().usd();
			list.add(new Comparison("the day before", usd(before), change(usd, before),
					direction(usd, before), SHORT_DAY.format(c.previousDay().date())));
		}
		list.add(window("7-day average", usd, c.last7Days()));
		list.add(window("30-day average", usd, c.last30Days()));
		return list;
	}

	private static Comparison window(String label, BigDecimal usd, SpendComparison.Window w) {
		if (w.averageUsd() == null) {
			return new Comparison(label, "–", "–", "none", "no audited days");
		}
		String note = w.auditedDays() == w.days() ? "all " + w.days() + " days audited"
				: "over " + w.auditedDays() + " audited " + (w.auditedDays() == 1 ? "day" : "days") + " of "
						+ w.days();
		return new Comparison(label, usd(w.averageUsd()), change(usd, w.averageUsd()),
				direction(usd, w.averageUsd()), note);
	}

	private static String anomalies(DigestDocument d) {
		var a = d.anomalousRows();
		if (a.count() == 0) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (a.invalidSpend() > 0) {
			parts.add(count(a.invalidSpend()) + (a.invalidSpend() == 1 ? " row" : " rows")
					+ " with a NaN, infinite or negative spend left out of the sums");
		}
		if (a.implausibleSpend() > 0) {
			String named = a.samples()
				.stream()
				.filter(s -> AnomalousRow.IMPLAUSIBLE_SPEND.equals(s.reason()))
				.limit(3)
				.map(DigestDocument.AnomalousRows.Sample::requestId)
				.reduce((x, y) -> x + ", " + y)
				.map(ids -> " (request " + ids + ")")
				.orElse("");
			parts.add(count(a.implausibleSpend()) + (a.implausibleSpend() == 1 ? " request" : " requests")
					+ " with an implausibly high spend for one request left out of the sums" + named);
		}
		if (a.invalidMetadata() > 0) {
			parts.add(count(a.invalidMetadata()) + (a.invalidMetadata() == 1 ? " row" : " rows")
					+ " with unusable metadata (summed, metadata ignored)");
		}
		String samples = a.samples()
			.stream()
			.limit(3)
			.map(DigestDocument.AnomalousRows.Sample::requestId)
			.reduce((x, y) -> x + ", " + y)
			.orElse("");
		return String.join("; ", parts) + (samples.isEmpty() ? "" : ". E.g. request " + samples);
	}

	private static Footer footer(DigestDocument d) {
		ZoneId zone = ZoneId.of(d.zone());
		return new Footer(newestRow(d.newestRow(), zone), d.runId(), d.rerunCommand(),
				Quantities.zonedTime(utc(d.generatedAt()), zone));
	}

	/** When the data ends, in the day's zone, and in UTC too (LiteLLM's own clock) when that is another. */
	static String newestRow(String iso, ZoneId zone) {
		if (iso == null) {
			return "no spend-log row before the day ended";
		}
		LocalDateTime utc = utc(iso);
		String text = Quantities.zonedTime(utc, zone);
		if (!zone.normalized().equals(ZoneOffset.UTC)) {
			text += " (" + Quantities.zonedTime(utc, ZoneOffset.UTC) + ")";
		}
		return text;
	}

	private static LocalDateTime utc(String iso) {
		return UtcTimes.parse(iso);
	}

	/** {@code up}, {@code down} or {@code flat}: which way the change went, for colouring it. */
	static String direction(BigDecimal actual, BigDecimal reference) {
		String change = change(actual, reference);
		if (change.startsWith("+") || change.equals("new")) {
			return "up";
		}
		return change.startsWith("-") ? "down" : "flat";
	}

	/** The subject line without the mail's prefix: the date, the money, the verdict. */
	static String subject(DigestDocument d, SpendComparison c) {
		StringBuilder s = new StringBuilder().append(d.date()).append(" · ").append(usd(d.metered().usd()))
			.append(" metered");
		if (c.last7Days().averageUsd() != null) {
			s.append(" (7-day avg ").append(usd(c.last7Days().averageUsd())).append(')');
		}
		return s.append(" · ").append(statusLine(d)).toString();
	}

}
