package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;

/**
 * The bill's findings, from the reconciled days of the audited day's window (what step {@code reconcileBills}
 * stored; pending days never count).
 * Both carry the logged money as {@code actualUsd} and the billed money, what was expected, as {@code baselineUsd}.
 * <ul>
 * <li>{@code BILL_GAP} (ALERT), subject {@code provider:NAME}: the provider's reconciled days captured less than
 * {@code reconcile.min-capture} of the billed money, and the gap is at least {@code reconcile.min-gap-usd}. ALERT,
 * because it is money the provider charged that no figure of the audit (budgets, baselines, workloads) saw: the
 * audit's own numbers are wrong by that much, and only the bill shows it.</li>
 * <li>{@code PRICE_MISMATCH}, subject {@code model:PROVIDER/MODEL}: over the window, the model's logged price per
 * million tokens differs from the billed one by more than {@code reconcile.max-price-drift}. ALERT when LiteLLM
 * logs it at $0 (a model missing from its cost map: every call on it is invisible to budgets); WATCH otherwise,
 * since a drifting price is a stale cost map whose money BILL_GAP already weighs.</li>
 * </ul>
 */
class BillRule implements FindingRule {

	static final String BILL_GAP = "BILL_GAP";

	static final String PRICE_MISMATCH = "PRICE_MISMATCH";

	private final Reconciliation reconciliation;

	private final ReconcileSettings settings;

	BillRule(Reconciliation reconciliation, ReconcileSettings settings) {
		this.reconciliation = reconciliation;
		this.settings = settings;
	}

	@Override
	public List<FindingKind> kinds() {
		return List.of(new FindingKind(BILL_GAP, 410), new FindingKind(PRICE_MISMATCH, 420));
	}

	@Override
	public List<Detected> findings(RuleDay day) {
		if (!reconciliation.enabled()) {
			return List.of();
		}
		return reconciliation.stored(day.date()).map(r -> check(r, settings)).orElse(List.of());
	}

	static List<Detected> check(ReconcileReport report, ReconcileSettings settings) {
		Map<String, Gap> gaps = new TreeMap<>();
		Map<String, Price> prices = new TreeMap<>();
		for (ProviderDay p : report.providers()) {
			if (!p.reconciled()) {
				continue;
			}
			gaps.computeIfAbsent(p.provider(), Gap::new).add(p);
			for (ProviderDay.ModelPrice m : p.models()) {
				prices.computeIfAbsent(p.provider() + "/" + m.model(), Price::new).add(m);
			}
		}
		List<Detected> findings = new ArrayList<>();
		gaps.values().forEach(g -> g.finding(report, settings).ifPresent(findings::add));
		prices.values().forEach(p -> p.finding(report, settings).ifPresent(findings::add));
		return findings;
	}

	/** The numbers behind a BILL_GAP finding (UTC days). */
	record BillGap(String provider, String from, String to, int days, BigDecimal billedUsd, BigDecimal loggedUsd,
			BigDecimal captureRate, BigDecimal gapUsd, long missingRequests, long mispricedRequests) {
	}

	/** The numbers behind a PRICE_MISMATCH finding. */
	record PriceMismatch(String model, BigDecimal loggedUsdPerMillionTokens, BigDecimal billedUsdPerMillionTokens,
			BigDecimal loggedUsd, BigDecimal billedUsd, BigDecimal drift) {
	}

	private static final class Gap {

		final String provider;

		int days;

		BigDecimal billed = BigDecimal.ZERO;

		BigDecimal logged = BigDecimal.ZERO;

		long missing;

		long mispriced;

		Gap(String provider) {
			this.provider = provider;
		}

		void add(ProviderDay p) {
			days++;
			billed = billed.add(p.billedUsd());
			logged = logged.add(p.loggedUsd());
			missing += p.missingCount();
			mispriced += p.mispricedCount();
		}

		Optional<Detected> finding(ReconcileReport report, ReconcileSettings settings) {
			BigDecimal capture = Reconciler.capture(logged, billed);
			BigDecimal gap = billed.subtract(logged);
			if (capture == null || capture.compareTo(settings.minCapture()) >= 0
					|| gap.compareTo(settings.minGapUsd()) < 0) {
				return Optional.empty();
			}
			StringBuilder reason = new StringBuilder(provider).append(" billed ")
				.append(Quantities.usd(billed))
				.append(" over ")
				.append(Quantities.count(days))
				.append(" reconciled UTC day")
				.append(days == 1 ? "" : "s")
				.append(", LiteLLM logged ")
				.append(Quantities.usd(logged))
				.append(" (")
				.append(Quantities.percent(capture))
				.append(" captured): ")
				.append(Quantities.usd(gap))
				.append(" the audit never saw");
			if (missing > 0) {
				reason.append("; ").append(Quantities.count(missing)).append(" billed request")
					.append(missing == 1 ? " is" : "s are").append(" not in the spend log");
			}
			if (mispriced > 0) {
				reason.append("; ").append(Quantities.count(mispriced)).append(" priced differently");
			}
			return Optional.of(Detected.of(BILL_GAP, Severity.ALERT, "provider:" + provider,
					Reconciler.exact(logged), Reconciler.exact(billed), reason.toString(),
					new BillGap(provider, report.from(), report.to(), days, Reconciler.exact(billed),
							Reconciler.exact(logged), capture, Reconciler.exact(gap), missing, mispriced)));
		}

	}

	private static final class Price {

		final String model;

		BigDecimal loggedUsd = BigDecimal.ZERO;

		long loggedTokens;

		BigDecimal billedUsd = BigDecimal.ZERO;

		long billedTokens;

		Price(String model) {
			this.model = model;
		}

		void add(ProviderDay.ModelPrice m) {
			loggedUsd = loggedUsd.add(m.loggedUsd());
			loggedTokens += m.loggedTokens();
			billedUsd = billedUsd.add(m.billedUsd());
			billedTokens += m.billedTokens();
		}

		Optional<Detected> finding(ReconcileReport report, ReconcileSettings settings) {
			BigDecimal logged = Reconciler.perMillion(loggedUsd, loggedTokens);
			BigDecimal billed = Reconciler.perMillion(billedUsd, billedTokens);
			if (logged == null || billed == null || billed.signum() == 0) {
				return Optional.empty();
			}
			BigDecimal drift = logged.subtract(billed).abs().divide(billed, 4, RoundingMode.HALF_UP);
			if (drift.compareTo(settings.maxPriceDrift()) <= 0) {
				return Optional.empty();
			}
			boolean free = logged.signum() == 0;
			String reason = model + ": LiteLLM logged " + Quantities.usd(logged) + " per million tokens, the bill "
					+ Quantities.usd(billed) + (free ? " (logged as free: add the model to LiteLLM's cost map)"
							: " (" + Quantities.percent(drift) + " apart: check LiteLLM's cost map)")
					+ ", UTC days " + report.from() + " to " + report.to();
			return Optional.of(Detected.of(PRICE_MISMATCH, free ? Severity.ALERT : Severity.WATCH,
					"model:" + model, Reconciler.exact(loggedUsd), Reconciler.exact(billedUsd), reason,
					new PriceMismatch(model, logged, billed, Reconciler.exact(loggedUsd), Reconciler.exact(billedUsd),
							drift)));
		}

	}

}
