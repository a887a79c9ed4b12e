package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The one order of a day's findings: worst first; among equals by the rank their kind declares
 * ({@link FindingKind}), then the larger money, then the subject. A kind no rule declares goes after every
 * declared one.
 */
final class FindingOrder {

	private final Map<String, Integer> ranks = new HashMap<>();

	/** @throws IllegalStateException when two rules declare the same kind */
	FindingOrder(Collection<FindingKind> kinds) {
		for (FindingKind k : kinds) {
			if (ranks.putIfAbsent(k.name(), k.rank()) != null) {
				throw new IllegalStateException("finding kind " + k.name() + " is declared by two rules");
			}
		}
	}

	int rank(String kind) {
		return ranks.getOrDefault(kind, Integer.MAX_VALUE);
	}

	boolean declares(String kind) {
		return ranks.containsKey(kind);
	}

	Comparator<Remembered> comparator() {
		return Comparator.comparing((Remembered r) -> r.detected().severity())
			.reversed()
			.thenComparingInt(r -> rank(r.detected().kind()))
			.thenComparing(r -> money(r.detected().actualUsd()), Comparator.reverseOrder())
			.thenComparing(r -> r.detected().subject());
	}

	private static BigDecimal money(BigDecimal usd) {
		return usd == null ? BigDecimal.ZERO : usd;
	}

}
