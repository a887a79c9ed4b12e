package dev.spendaudit.archive;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.WorkloadModel;

/**
 * The template models of the archive's pages, from one {@link ArchiveSnapshot}: every link already relative to
 * the page it is on, every digest link present only when that digest's file exists.
 */
public final class ArchivePages {

	/** The chart's and the sparklines' window, ending on the newest stored day. */
	static final int WINDOW_DAYS = 90;

	/** Workloads stacked by name in the chart; the rest are "others". */
	static final int CHART_WORKLOADS = 6;

	private static final String UP = "../";

	private final ArchiveSnapshot snapshot;

	private final Set<LocalDate> digests;

	private final List<LocalDate> window;

	private final Set<String> paged;

	/**
	 * @param maxWorkloads workloads with a page and a row of their own; the rest are folded into one line
	 */
	ArchivePages(ArchiveSnapshot snapshot, Set<LocalDate> digests, int maxWorkloads) {
		this.snapshot = snapshot;
		this.digests = digests;
		this.paged = snapshot.largest(maxWorkloads);
		this.window = new ArrayList<>();
		LocalDate newest = snapshot.newest();
		if (newest != null) {
			for (LocalDate d = newest.minusDays(WINDOW_DAYS - 1); !d.isAfter(newest); d = d.plusDays(1)) {
				window.add(d);
			}
		}
	}

	public record Cell(int day, String date, String status, String href, BigDecimal usd) {
	}

	public record Calendar(String title, String month, String href, List<List<Cell>> weeks, BigDecimal usd, int days) {
	}

	/** The workloads without a page of their own, as one line: how many, and their money. */
	public record Folded(int count, BigDecimal windowUsd, BigDecimal totalUsd) {

		static Folded of(List<WorkloadRow> rows) {
			return rows.isEmpty() ? null : new Folded(rows.size(),
					rows.stream().map(WorkloadRow::windowUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
					rows.stream().map(WorkloadRow::totalUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
		}

	}

	public record WorkloadRow(String name, String href, BigDecimal windowUsd, BigDecimal totalUsd, ArchiveSvg.PathData spark) {
	}

	public record Legend(String name, String href, String cssClass, BigDecimal usd) {
	}

	public record DayRow(ArchiveSnapshot.Day day, String href) {
	}

	public record FindingRow(String date, String href, Finding finding) {
	}

	public record BudgetRow(String date, String href, String severity, Object spentUsd, Object maxBudgetUsd,
			Object projectedUsd) {
	}

	Map<String, Object> index() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("newest", snapshot.newest() == null ? "" : snapshot.newest().toString());
		m.put("windowDays", WINDOW_DAYS);
		List<WorkloadRow> all = workloadRows(ArchiveFiles.DIR + "/");
		List<WorkloadRow> rows = all.stream().filter(r -> paged.contains(r.name())).toList();
		List<String> named = rows.stream().filter(r -> r.windowUsd().signum() > 0).limit(CHART_WORKLOADS)
			.map(WorkloadRow::name).toList();
		ArchiveSvg.Chart chart = ArchiveSvg.stacked(window, named, snapshot.workloads());
		m.put("chart", chart);
		m.put("legend", chart.layers().stream().map(l -> new Legend(l.name(),
				l.cssClass().equals("others") ? null : ArchiveFiles.DIR + "/" + ArchiveFiles.workload(l.name()),
				l.cssClass(), l.usd())).toList());
		m.put("windowUsd", chart.columns().stream().map(ArchiveSvg.Column::usd).reduce(BigDecimal.ZERO, BigDecimal::add));
		m.put("workloads", rows);
		m.put("folded", Folded.of(all.stream().filter(r -> !paged.contains(r.name())).toList()));
		m.put("days", snapshot.days().size());
		m.put("totalUsd", snapshot.days().values().stream().map(ArchiveSnapshot.Day::usd)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
		List<Calendar> months = new ArrayList<>();
		for (YearMonth month : months().descendingSet()) {
			months.add(calendar(month, "", ArchiveFiles.DIR + "/"));
		}
		m.put("months", months);
		return m;
	}

	Map<String, Object> month(YearMonth month) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("calendar", calendar(month, UP, ""));
		List<DayRow> days = new ArrayList<>();
		snapshot.days().subMap(month.atDay(1), month.atEndOfMonth().plusDays(1))
			.forEach((date, day) -> days.add(new DayRow(day, digestHref(date, UP))));
		m.put("days", days);
		Map<String, BigDecimal> usd = new TreeMap<>();
		snapshot.workloads().forEach((w, series) -> {
			BigDecimal sum = series.subMap(month.atDay(1), month.atEndOfMonth().plusDays(1)).values().stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			if (!series.subMap(month.atDay(1), month.atEndOfMonth().plusDays(1)).isEmpty()) {
				usd.put(w, sum);
			}
		});
		List<WorkloadRow> rows = usd.entrySet().stream()
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> new WorkloadRow(e.getKey(), ArchiveFiles.workload(e.getKey()), e.getValue(), e.getValue(), null))
			.toList();
		m.put("workloads", rows.stream().filter(r -> paged.contains(r.name())).toList());
		m.put("folded", Folded.of(rows.stream().filter(r -> !paged.contains(r.name())).toList()));
		TreeSet<YearMonth> all = months();
		YearMonth before = all.lower(month);
		YearMonth after = all.higher(month);
		m.put("previous", before == null ? null : ArchiveFiles.month(before));
		m.put("next", after == null ? null : ArchiveFiles.month(after));
		return m;
	}

	Map<String, Object> workload(String name) {
		SortedMap<LocalDate, BigDecimal> series = snapshot.workloads().getOrDefault(name, new TreeMap<>());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", name);
		m.put("totalUsd", series.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		m.put("days", series.size());
		m.put("first", series.isEmpty() ? "" : series.firstKey().toString());
		m.put("last", series.isEmpty() ? "" : series.lastKey().toString());
		m.put("windowDays", WINDOW_DAYS);
		m.put("spark", ArchiveSvg.sparkline(window, series, 600, 60));
		Map<YearMonth, BigDecimal> byMonth = new TreeMap<>(Comparator.reverseOrder());
		series.forEach((d, usd) -> byMonth.merge(YearMonth.from(d), usd, BigDecimal::add));
		List<Map<String, Object>> months = new ArrayList<>();
		byMonth.forEach((month, usd) -> months.add(Map.of("month", month.toString(), "href",
				ArchiveFiles.month(month), "usd", usd)));
		m.put("months", months);
		List<WorkloadModel> models = new ArrayList<>(snapshot.models().getOrDefault(name, List.of()));
		models.sort(Comparator.comparing(WorkloadModel::usd).reversed().thenComparing(WorkloadModel::model));
		m.put("models", models);
		List<FindingRow> findings = new ArrayList<>();
		List<BudgetRow> budgets = new ArrayList<>();
		List<FindingStore.Dated> found = new ArrayList<>(snapshot.findings().getOrDefault(name, List.of()));
		Collections.reverse(found);
		for (FindingStore.Dated d : found) {
			String href = digestHref(d.date(), UP);
			findings.add(new FindingRow(d.date().toString(), href, d.finding()));
			if ("BUDGET".equals(d.finding().kind())) {
				Map<String, Object> details = d.finding().details();
				budgets.add(new BudgetRow(d.date().toString(), href, d.finding().severity().name(),
						details.get("spentUsd"), details.get("maxBudgetUsd"), details.get("projectedUsd")));
			}
		}
		m.put("findings", findings);
		m.put("budgets", budgets);
		return m;
	}

	private List<WorkloadRow> workloadRows(String prefix) {
		List<WorkloadRow> rows = new ArrayList<>();
		LocalDate from = window.isEmpty() ? null : window.get(0);
		snapshot.workloads().forEach((w, series) -> {
			BigDecimal inWindow = from == null ? BigDecimal.ZERO
					: series.tailMap(from).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			rows.add(new WorkloadRow(w, prefix + ArchiveFiles.workload(w), inWindow,
					series.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
					ArchiveSvg.sparkline(window, series, ArchiveSvg.SPARK_WIDTH, ArchiveSvg.SPARK_HEIGHT)));
		});
		rows.sort(Comparator.comparing(WorkloadRow::windowUsd).reversed()
			.thenComparing(WorkloadRow::totalUsd, Comparator.reverseOrder()).thenComparing(WorkloadRow::name));
		return rows;
	}

	/** The workloads with a page of their own, largest first. */
	Set<String> paged() {
		return paged;
	}

	/** The months that have stored days. */
	TreeSet<YearMonth> months() {
		TreeSet<YearMonth> months = new TreeSet<>();
		snapshot.days().keySet().forEach(d -> months.add(YearMonth.from(d)));
		return months;
	}

	/**
	 * A month's calendar, Monday first.
	 *
	 * @param up from the page to the output folder ({@code ""} or {@code "../"})
	 * @param archive from the page to the archive folder
	 */
	private Calendar calendar(YearMonth month, String up, String archive) {
		List<List<Cell>> weeks = new ArrayList<>();
		List<Cell> week = new ArrayList<>();
		int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
		for (int i = 0; i < lead; i++) {
			week.add(new Cell(0, "", ArchiveSnapshot.NONE, null, null));
		}
		BigDecimal usd = BigDecimal.ZERO;
		int stored = 0;
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			LocalDate date = month.atDay(day);
			ArchiveSnapshot.Day facts = snapshot.days().get(date);
			if (facts != null) {
				usd = usd.add(facts.usd());
				stored++;
			}
			week.add(new Cell(day, date.toString(), facts == null ? ArchiveSnapshot.NONE : facts.status(),
					digestHref(date, up), facts == null ? null : facts.usd()));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(new Cell(0, "", ArchiveSnapshot.NONE, null, null));
			}
			weeks.add(week);
		}
		String title = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
		return new Calendar(title, month.toString(), archive + ArchiveFiles.month(month), weeks, usd, stored);
	}

	private String digestHref(LocalDate date, String up) {
		return digests.contains(date) ? up + DigestFiles.name(date, "html") : null;
	}

}
