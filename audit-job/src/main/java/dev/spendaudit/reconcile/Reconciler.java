package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.spendaudit.history.ProviderHistory;
import dev.spendaudit.history.ProviderUtcDay;
import dev.spendaudit.reconcile.BillStore.FileCoverage;
import dev.spendaudit.reconcile.bill.BillFormat;
import dev.spendaudit.reconcile.bill.BilledDay;
import dev.spendaudit.reconcile.bill.BilledRequest;
import dev.spendaudit.source.LoggedRequest;

/**
 * Per provider and UTC day, what the provider billed against what LiteLLM logged. Billed: the money of the newest
 * per-day file covering the day (by its modified time); where only per-request bills cover it, the sum of their
 * requests, each generation once. Logged: the provider's spend over the day's 24 UTC hours, from the stored hours.
 * A day no bill covers, or whose hours are not all stored yet, is {@code PENDING}, never a gap.
 */
class Reconciler {

	/** Formats that bill money (usage reports count tokens only). */
	static final Set<BillFormat> MONEY = EnumSet.complementOf(
			EnumSet.of(BillFormat.OPENAI_USAGE_JSON, BillFormat.ANTHROPIC_USAGE_JSON));

	static final Set<BillFormat> PER_REQUEST = EnumSet.of(BillFormat.OPENROUTER_GENERATIONS_CSV);

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final BillStore store;

	private final ProviderHistory history;

	private final ModelPrices prices;

	private final RequestMatcher matcher;

	private final ReconcileSettings settings;

	Reconciler(BillStore store, ProviderHistory history, ModelPrices prices, RequestMatcher matcher,
			ReconcileSettings settings) {
		this.store = store;
		this.history = history;
		this.prices = prices;
		this.matcher = matcher;
		this.settings = settings;
	}

	/** Every provider a bill names in {@code from .. to}, each of its UTC days, by provider then day. */
	List<ProviderDay> reconcile(LocalDate from, LocalDate to) {
		return reconcile(from, to, true);
	}

	/**
	 * The same days' billed and logged money alone, from the store: no request is looked up in the spend log, so
	 * the days' missing and mispriced requests and model prices are not filled in.
	 */
	List<ProviderDay> totals(LocalDate from, LocalDate to) {
		return reconcile(from, to, false);
	}

	private List<ProviderDay> reconcile(LocalDate from, LocalDate to, boolean lookUp) {
		Map<String, List<FileCoverage>> byProvider = new TreeMap<>();
		for (FileCoverage c : store.coverage(from, to)) {
			if (MONEY.contains(c.format())) {
				byProvider.computeIfAbsent(c.coverage().provider(), p -> new ArrayList<>()).add(c);
			}
		}
		if (byProvider.isEmpty()) {
			return List.of();
		}
		Set<LocalDate> whole = history.wholeUtcDays(from, to, settings.sources());
		Map<String, ProviderUtcDay> logged = history.providerDays(from, to, settings.sources())
			.stream()
			.collect(Collectors.toMap(d -> d.provider() + " " + d.date(), d -> d));
		List<ProviderDay> days = new ArrayList<>();
		byProvider.forEach((provider, coverage) -> {
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				ProviderUtcDay log = logged.get(provider + " " + d);
				days.add(day(provider, d, coverage, log == null ? BigDecimal.ZERO : log.usd(), whole.contains(d), lookUp));
			}
		});
		return days;
	}

	private ProviderDay day(String provider, LocalDate date, List<FileCoverage> coverage, BigDecimal loggedUsd,
			boolean wholeDay, boolean lookUp) {
		List<FileCoverage> covering = coverage.stream().filter(c -> c.coverage().covers(date)).toList();
		if (covering.isEmpty()) {
			return pending(provider, date, loggedUsd, "no bill in the inbox covers this UTC day yet");
		}
		if (!wholeDay) {
			return pending(provider, date, loggedUsd,
					"the spend log's hours of this UTC day are not all audited yet (a later night reconciles it)");
		}
		List<FileCoverage> perDay = covering.stream().filter(c -> !PER_REQUEST.contains(c.format())).toList();
		List<String> perRequest = covering.stream()
			.filter(c -> PER_REQUEST.contains(c.format()))
			.map(FileCoverage::sha256)
			.toList();
		List<BilledRequest> requests = perRequest.isEmpty() ? List.of() : store.requests(perRequest, provider, date);
		Map<String, LoggedRequest> found = requests.isEmpty() || !lookUp ? Map.of()
				: matcher.logged(provider, date, requests.stream().map(BilledRequest::requestId).toList());
		BigDecimal billed;
		BigDecimal byok;
		String bill;
		List<ProviderDay.ModelPrice> models;
		if (!perDay.isEmpty()) {
			FileCoverage newest = perDay.stream()
				.max(Comparator.comparing(FileCoverage::modifiedUtc).thenComparing(FileCoverage::sha256))
				.orElseThrow();
			List<BilledDay> lines = store.days(newest.sha256(), provider, date);
			billed = lines.stream().map(BilledDay::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
			byok = sumOrNull(lines.stream().map(BilledDay::byokUsd).toList());
			bill = newest.path();
			models = !lookUp ? List.of()
					: requests.isEmpty() ? prices.perDay(provider, date, lines) : prices.perRequest(requests, found);
		}
		else {
			billed = requests.stream().map(BilledRequest::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
			byok = sumOrNull(requests.stream().map(BilledRequest::byokUsd).toList());
			bill = covering.stream().map(FileCoverage::path).distinct().sorted().collect(Collectors.joining(", "));
			models = lookUp ? prices.perRequest(requests, found) : List.of();
		}
		if (!lookUp) {
			requests = List.of();
		}
		List<ProviderDay.Missing> missing = new ArrayList<>();
		List<ProviderDay.Mispriced> mispriced = new ArrayList<>();
		for (BilledRequest r : requests) {
			LoggedRequest l = found.get(r.requestId());
			if (l == null) {
				missing.add(new ProviderDay.Missing(r.requestId(), exact(r.usd()), r.model(), r.apiKeyName()));
			}
			else if (mispriced(l.usd(), r.usd())) {
				mispriced.add(new ProviderDay.Mispriced(r.requestId(), exact(l.usd()), exact(r.usd()), r.model(),
						r.apiKeyName()));
			}
		}
		missing.sort(Comparator.comparing(ProviderDay.Missing::usd).reversed()
			.thenComparing(ProviderDay.Missing::requestId));
		mispriced.sort(Comparator.comparing((ProviderDay.Mispriced m) -> m.loggedUsd().signum() == 0 ? 0 : 1)
			.thenComparing(m -> m.loggedUsd().subtract(m.billedUsd()).abs(), Comparator.reverseOrder())
			.thenComparing(ProviderDay.Mispriced::requestId));
		int max = settings.maxListed();
		return new ProviderDay(provider, date.toString(), ProviderDay.RECONCILED, exact(billed), byok == null ? null
				: exact(byok), exact(loggedUsd), capture(loggedUsd, billed), exact(billed.subtract(loggedUsd)),
				List.copyOf(missing.subList(0, Math.min(max, missing.size()))), missing.size(),
				List.copyOf(mispriced.subList(0, Math.min(max, mispriced.size()))), mispriced.size(), models, null,
				false, bill);
	}

	/** Above all $0 in the log with money on the bill; else a price off by more than {@code max-price-drift}. */
	boolean mispriced(BigDecimal logged, BigDecimal billed) {
		if (billed.signum() <= 0) {
			return false;
		}
		if (logged.signum() == 0) {
			return true;
		}
		return logged.subtract(billed).abs().compareTo(billed.multiply(settings.maxPriceDrift())) > 0;
	}

	private static ProviderDay pending(String provider, LocalDate date, BigDecimal loggedUsd, String reason) {
		return new ProviderDay(provider, date.toString(), ProviderDay.PENDING, null, null, exact(loggedUsd), null, null,
				List.of(), 0, List.of(), 0, List.of(), reason, false, null);
	}

	/** {@code logged / billed}, null where nothing was billed. */
	static BigDecimal capture(BigDecimal logged, BigDecimal billed) {
		return billed.signum() == 0 ? null : logged.divide(billed, 4, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	static BigDecimal perMillion(BigDecimal usd, long tokens) {
		return tokens == 0 ? null
				: usd.multiply(MILLION).divide(BigDecimal.valueOf(tokens), 6, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	private static BigDecimal sumOrNull(List<BigDecimal> values) {
		BigDecimal sum = null;
		for (BigDecimal v : values) {
			if (v != null) {
				sum = sum == null ? v : sum.add(v);
			}
		}
		return sum;
	}

	/** The providers' names, sorted, for messages. */
	static Set<String> providers(List<ProviderDay> days) {
		return days.stream().map(ProviderDay::provider).collect(Collectors.toCollection(TreeSet::new));
	}

}
