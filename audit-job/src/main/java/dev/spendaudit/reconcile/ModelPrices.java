package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.reconcile.bill.BilledDay;
import dev.spendaudit.reconcile.bill.BilledRequest;
import dev.spendaudit.reconcile.bill.BilledUsage;
import dev.spendaudit.source.LoggedRequest;

/**
 * Per model, the price per million tokens (prompt and completion together) LiteLLM applied against the billed one.
 * From a per-request bill: over the requests found in the log, each side's money over its own tokens. From a
 * per-day bill, best effort: the bill's money over its tokens (or the usage report's, for the same model and day),
 * against the provider's groups of the audited day with the same date, models matched by {@link ModelNames}.
 */
class ModelPrices {

	private final HistoryReader history;

	private final BillStore store;

	ModelPrices(HistoryReader history, BillStore store) {
		this.history = history;
		this.store = store;
	}

	List<ProviderDay.ModelPrice> perRequest(List<BilledRequest> requests, Map<String, LoggedRequest> found) {
		Map<String, Sums> byModel = new TreeMap<>();
		for (BilledRequest r : requests) {
			LoggedRequest l = found.get(r.requestId());
			if (l != null) {
				byModel.computeIfAbsent(r.model(), m -> new Sums())
					.add(l.usd(), l.promptTokens() + l.completionTokens(), r.usd(),
							r.promptTokens() + r.completionTokens());
			}
		}
		return prices(byModel);
	}

	List<ProviderDay.ModelPrice> perDay(String provider, LocalDate date, List<BilledDay> lines) {
		Map<String, Sums> byKey = new TreeMap<>();
		Map<String, String> names = new TreeMap<>();
		Map<String, long[]> usage = new TreeMap<>();
		for (BilledUsage u : store.usage(provider, date)) {
			usage.computeIfAbsent(ModelNames.key(u.model()), k -> new long[1])[0] += u.promptTokens()
					+ u.completionTokens();
		}
		for (BilledDay d : lines) {
			if (d.model().isEmpty()) {
				continue;
			}
			String key = ModelNames.key(d.model());
			names.putIfAbsent(key, d.model());
			long tokens = d.promptTokens() != null && d.completionTokens() != null
					? d.promptTokens() + d.completionTokens() : 0;
			byKey.computeIfAbsent(key, k -> new Sums()).add(BigDecimal.ZERO, 0, d.usd(), tokens);
		}
		byKey.forEach((key, s) -> {
			if (s.billedTokens == 0 && usage.containsKey(key)) {
				s.billedTokens = usage.get(key)[0];
			}
		});
		for (KeyModelRow r : history.rows(date)) {
			Sums s = byKey.get(ModelNames.key(r.model()));
			if (s != null && r.provider().equals(provider)) {
				s.add(r.usd(), r.promptTokens() + r.completionTokens(), BigDecimal.ZERO, 0);
			}
		}
		Map<String, Sums> byModel = new TreeMap<>();
		byKey.forEach((key, s) -> byModel.put(names.get(key), s));
		return prices(byModel);
	}

	private static List<ProviderDay.ModelPrice> prices(Map<String, Sums> byModel) {
		List<ProviderDay.ModelPrice> prices = new ArrayList<>();
		byModel.forEach((model, s) -> prices.add(new ProviderDay.ModelPrice(model,
				Reconciler.perMillion(s.loggedUsd, s.loggedTokens), Reconciler.perMillion(s.billedUsd, s.billedTokens),
				Reconciler.exact(s.loggedUsd), s.loggedTokens, Reconciler.exact(s.billedUsd), s.billedTokens)));
		return prices;
	}

	private static final class Sums {

		BigDecimal loggedUsd = BigDecimal.ZERO;

		long loggedTokens;

		BigDecimal billedUsd = BigDecimal.ZERO;

		long billedTokens;

		void add(BigDecimal logged, long loggedTok, BigDecimal billed, long billedTok) {
			loggedUsd = loggedUsd.add(logged);
			loggedTokens += loggedTok;
			billedUsd = billedUsd.add(billed);
			billedTokens += billedTok;
		}

	}

}
