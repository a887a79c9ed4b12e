package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;

/**
 * UNPRICED: successful, uncached calls that carried tokens but logged zero spend, on a model that no subscription
 * covers ({@link CoveredModels}) and that is not listed in {@code spend-audit.free-models}. Their cost is missing
 * from every figure in the digest.
 */
final class UnpricedCheck {

	private final CoveredModels covered;

	private final FreeModels free;

	private final Severity severity;

	UnpricedCheck(CoveredModels covered, FreeModels free, Severity severity) {
		this.covered = covered;
		this.free = free;
		this.severity = severity;
	}

	/** @param workloads the workload behind each key hash of the day */
	List<Draft> check(LocalDate day, List<UnpricedCalls> calls, Map<String, String> workloads) {
		Map<String, List<UnpricedCalls>> byModel = new LinkedHashMap<>();
		for (UnpricedCalls c : calls) {
			if (free.isFree(c.model(), c.provider()) || covered.planFor(c.source(), c.model(), day).isPresent()) {
				continue;
			}
			byModel.computeIfAbsent(c.model(), m -> new ArrayList<>()).add(c);
		}
		List<Draft> drafts = new ArrayList<>();
		byModel.forEach((model, list) -> {
			long n = list.stream().mapToLong(UnpricedCalls::calls).sum();
			long prompt = list.stream().mapToLong(UnpricedCalls::promptTokens).sum();
			long completion = list.stream().mapToLong(UnpricedCalls::completionTokens).sum();
			String providers = String.join(", ", new TreeSet<>(list.stream().map(UnpricedCalls::provider)
				.filter(p -> !p.isEmpty()).toList()));
			List<String> who = new ArrayList<>(new TreeSet<>(list.stream()
				.map(c -> workloads.getOrDefault(c.apiKey(), c.apiKey()))
				.toList()));
			String reason = model + (providers.isEmpty() ? "" : " (" + providers + ")") + ": "
					+ Quantities.count(n) + " successful calls with " + Quantities.tokens(prompt + completion)
					+ " tokens logged $0.00 spend, from " + String.join(", ", who)
					+ "; no subscription covers it and spend-audit.free-models does not list it";
			drafts.add(Draft.of(Kinds.UNPRICED, severity, "model:" + model, BigDecimal.ZERO, null, reason,
					new DetectionDetails.Unpriced(model, providers, n, prompt, completion, who)));
		});
		return drafts;
	}

}
