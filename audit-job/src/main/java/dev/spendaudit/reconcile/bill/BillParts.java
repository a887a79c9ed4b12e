package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a reader has found in a file so far: money and usage summed per provider, UTC day and model (a bill's rows of
 * one day and model are one line: OpenAI's input and output line items, OpenRouter's endpoints), per-request lines,
 * and the days covered. Turned into a {@link BillFile} only once the whole file has been read.
 */
final class BillParts {

	private record Key(String provider, LocalDate date, String model) {
	}

	private final Map<Key, BilledDay> days = new LinkedHashMap<>();

	private final Map<Key, BilledUsage> usage = new LinkedHashMap<>();

	private final List<BilledRequest> requests = new ArrayList<>();

	private final Map<String, TreeSet<LocalDate>> covered = new TreeMap<>();

	void add(BilledDay day) {
		days.merge(new Key(day.provider(), day.date(), day.model()), day, (a, b) -> new BilledDay(a.provider(),
				a.date(), a.model(), a.usd().add(b.usd()), plus(a.byokUsd(), b.byokUsd()),
				plus(a.requests(), b.requests()), plus(a.promptTokens(), b.promptTokens()),
				plus(a.completionTokens(), b.completionTokens())));
	}

	void add(BilledUsage line) {
		usage.merge(new Key(line.provider(), line.date(), line.model()), line, (a, b) -> new BilledUsage(a.provider(),
				a.date(), a.model(), plus(a.requests(), b.requests()), a.promptTokens() + b.promptTokens(),
				a.completionTokens() + b.completionTokens()));
	}

	void add(BilledRequest request) {
		requests.add(request);
	}

	/** The provider's bill covers this UTC day (billed $0 unless a line says otherwise). */
	void cover(String provider, LocalDate day) {
		covered.computeIfAbsent(provider, p -> new TreeSet<>()).add(day);
	}

	/**
	 * The file: {@code contiguous} covers each provider from its first covered day to its last (rows of a CSV, or of
	 * OpenRouter's activity, which lists only days with traffic); otherwise each run of consecutive covered days is
	 * one coverage (buckets, which a bucketed response lists for every day, billed or not).
	 */
	BillFile file(BillSource source, BillFormat format, boolean contiguous) {
		List<BillCoverage> coverage = new ArrayList<>();
		covered.forEach((provider, set) -> {
			if (contiguous) {
				coverage.add(new BillCoverage(provider, set.first(), set.last()));
				return;
			}
			LocalDate from = null;
			LocalDate to = null;
			for (LocalDate day : set) {
				if (from != null && !day.equals(to.plusDays(1))) {
					coverage.add(new BillCoverage(provider, from, to));
					from = null;
				}
				if (from == null) {
					from = day;
				}
				to = day;
			}
			coverage.add(new BillCoverage(provider, from, to));
		});
		return new BillFile(source.path(), source.sha256(), source.modified(), format, coverage, List.copyOf(days.values()),
				List.copyOf(usage.values()), requests);
	}

	private static Long plus(Long a, Long b) {
		return a == null ? b : b == null ? a : Long.valueOf(a + b);
	}

	private static BigDecimal plus(BigDecimal a, BigDecimal b) {
		return a == null ? b : b == null ? a : a.add(b);
	}

}
