package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.Severity;

/**
 * Many of a kind fold: of a day's ranked findings, the first {@code max} of each kind are kept and the rest are
 * counted, with their money, per kind and severity. The JSON keeps {@value #JSON_MAX_PER_KIND} of a kind; the
 * digest and the terminal show {@code spend-audit.digest.max-findings-per-kind}.
 */
public final class FindingFolding {

	/** Findings of one kind the day's JSON lists; the rest are in {@code findingsFolded}. */
	public static final int JSON_MAX_PER_KIND = 100;

	private FindingFolding() {
	}

	/**
	 * Findings left out of a list: how many of a kind and severity, and their money ({@code actualUsd} summed).
	 */
	@JsonPropertyOrder({ "kind", "severity", "count", "usd" })
	public record Folded(String kind, Severity severity, long count, BigDecimal usd) {

		Folded plus(BigDecimal more) {
			return new Folded(kind, severity, count + 1, more == null ? usd : usd.add(more));
		}

	}

	/** What a list keeps, in its order, and what it folds, in the order each kind and severity first appears. */
	public record Result<T>(List<T> kept, List<Folded> folded) {
	}

	/** Folds findings of the day, already in the day's order. */
	public static Result<Finding> fold(List<Finding> ranked, int max) {
		return fold(ranked, max, Finding::kind, Finding::severity, Finding::actualUsd);
	}

	/** The same for anything that has a kind, a severity and money (e.g. the JSON's findings, read back). */
	public static <T> Result<T> fold(List<T> ranked, int max, Function<T, String> kind, Function<T, Severity> severity,
			Function<T, BigDecimal> usd) {
		Map<String, Integer> listed = new HashMap<>();
		Map<String, Folded> folded = new LinkedHashMap<>();
		List<T> kept = new ArrayList<>();
		for (T f : ranked) {
			String k = kind.apply(f);
			if (listed.merge(k, 1, Integer::sum) <= max) {
				kept.add(f);
				continue;
			}
			Severity s = severity.apply(f);
			BigDecimal money = usd.apply(f);
			folded.compute(k + " " + s, (x, v) -> (v == null ? new Folded(k, s, 0, BigDecimal.ZERO) : v).plus(money));
		}
		return new Result<>(kept, List.copyOf(folded.values()));
	}

}
