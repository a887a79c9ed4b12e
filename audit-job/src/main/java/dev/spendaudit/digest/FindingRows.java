package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.DisplayText;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.digest.DigestView.FindingRow;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingFolding;

/**
 * The digest's findings, folded: at most {@code spend-audit.digest.max-findings-per-kind} of one kind, in the
 * day's order, and after the last one shown of a kind one line for the rest of it (those the JSON lists and those
 * it folded already), with their count and money. With findings from more than one gateway each names its own.
 */
final class FindingRows {

	private FindingRows() {
	}

	static List<FindingRow> of(DigestDocument d, int maxPerKind) {
		// the gateways section is there only with several gateways; its name is the JSON's, shared with its owner
		boolean several = d.findings().stream().map(Finding::source).distinct().count() > 1
				|| d.sections().get("sources") instanceof List<?> gateways && gateways.size() > 1;
		FindingFolding.Result<Finding> shown = FindingFolding.fold(d.findings(), maxPerKind);
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, BigDecimal> money = new LinkedHashMap<>();
		for (FindingFolding.Folded f : concat(shown.folded(), d.findingsFolded())) {
			counts.computeIfAbsent(f.kind(), k -> new long[1])[0] += f.count();
			money.merge(f.kind(), f.usd(), BigDecimal::add);
		}
		Map<String, Integer> lastShown = new LinkedHashMap<>();
		for (int i = 0; i < shown.kept().size(); i++) {
			lastShown.put(shown.kept().get(i).kind(), i);
		}
		List<FindingRow> rows = new ArrayList<>();
		for (int i = 0; i < shown.kept().size(); i++) {
			Finding f = shown.kept().get(i);
			rows.add(row(f, several));
			if (lastShown.get(f.kind()) == i && counts.containsKey(f.kind())) {
				long n = counts.get(f.kind())[0];
				rows.add(new FindingRow(null, f.kind(), null, null, null, null, false,
						"and " + Quantities.count(n) + " more " + f.kind() + (n == 1 ? " finding, " : " findings, ")
								+ Quantities.usd(money.get(f.kind())), null));
			}
		}
		return rows;
	}

	/** Findings of {@code severity} in the day that nobody acknowledged, listed or folded. */
	static long count(DigestDocument d, Severity severity) {
		return d.findings().stream().filter(f -> f.severity() == severity && f.acknowledged() == null).count()
				+ d.findingsFolded()
			.stream()
			.filter(f -> f.severity() == severity)
			.mapToLong(FindingFolding.Folded::count)
			.sum();
	}

	private static FindingRow row(Finding f, boolean several) {
		String subject = DisplayText.name(f.subject());
		String shown = several ? DisplayText.name(f.source()) + " · " + subject : subject;
		return new FindingRow(f.severity().name(), f.kind(), shown, f.reason(),
				f.actualUsd() == null ? null : Quantities.usd(f.actualUsd()),
				f.baselineUsd() == null ? null : Quantities.usd(f.baselineUsd()), f.resolved(), null,
				f.acknowledged() == null ? null : f.acknowledged().mark());
	}

	private static List<FindingFolding.Folded> concat(List<FindingFolding.Folded> a, List<FindingFolding.Folded> b) {
		List<FindingFolding.Folded> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
