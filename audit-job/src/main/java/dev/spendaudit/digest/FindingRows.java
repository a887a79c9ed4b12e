package dev.spendaudit.digest;

import java.util.List;

import dev.spendaudit.core.Severity;
import dev.spendaudit.digest.DigestView.FindingRow;
import dev.spendaudit.findings.Finding;

/**
 * The digest's findings, in the day's order, formatted.
 */
final class FindingRows {

	private static final DigestFormat FMT = new DigestFormat();

	private FindingRows() {
	}

	static List<FindingRow> of(DigestDocument d) {
		return d.findings().stream().map(FindingRows::row).toList();
	}

	/** Findings of {@code severity} in the day. */
	static long count(DigestDocument d, Severity severity) {
		return d.findings().stream().filter(f -> f.severity() == severity).count();
	}

	private static FindingRow row(Finding f) {
		return new FindingRow(f.severity().name(), f.kind(), f.subject(), f.reason(),
				f.actualUsd() == null ? null : FMT.usd(f.actualUsd()),
				f.baselineUsd() == null ? null : FMT.usd(f.baselineUsd()), f.resolved());
	}

}
