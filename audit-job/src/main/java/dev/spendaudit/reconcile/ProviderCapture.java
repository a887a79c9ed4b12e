package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One provider's capture over a span of UTC days (a statement's period): the money of its reconciled days, billed
 * against logged. Pending days (no bill yet, or hours not all audited) are counted, never added in.
 *
 * @param provider LiteLLM's {@code custom_llm_provider} name
 * @param billedUsd what the provider billed for the reconciled days
 * @param loggedUsd what LiteLLM logged for them
 * @param captureRate {@code logged / billed}; null when nothing was billed
 * @param gapUsd {@code billed − logged}
 * @param reconciledDays UTC days with a bill
 * @param pendingDays UTC days a bill names the provider for, not reconciled yet
 */
@JsonPropertyOrder({ "provider", "billedUsd", "loggedUsd", "captureRate", "gapUsd", "reconciledDays", "pendingDays" })
public record ProviderCapture(String provider, BigDecimal billedUsd, BigDecimal loggedUsd, BigDecimal captureRate,
		BigDecimal gapUsd, int reconciledDays, int pendingDays) {

	/** Sums reconciled provider days per provider, by provider name. */
	static List<ProviderCapture> of(List<ProviderDay> days) {
		Map<String, List<ProviderDay>> byProvider = new TreeMap<>();
		days.forEach(d -> byProvider.computeIfAbsent(d.provider(), p -> new ArrayList<>()).add(d));
		List<ProviderCapture> captures = new ArrayList<>();
		byProvider.forEach((provider, list) -> {
			List<ProviderDay> reconciled = list.stream().filter(ProviderDay::reconciled).toList();
			BigDecimal billed = reconciled.stream().map(ProviderDay::billedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal logged = reconciled.stream().map(ProviderDay::loggedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
			captures.add(new ProviderCapture(provider, Reconciler.exact(billed), Reconciler.exact(logged),
					Reconciler.capture(logged, billed), Reconciler.exact(billed.subtract(logged)), reconciled.size(),
					list.size() - reconciled.size()));
		});
		return List.copyOf(captures);
	}

}
