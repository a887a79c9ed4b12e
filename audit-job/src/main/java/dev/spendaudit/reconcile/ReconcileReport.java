package dev.spendaudit.reconcile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The digest's {@code reconcile} section, and what {@code spend-audit reconcile --format json} prints.
 *
 * @param days always {@code UTC}: providers bill UTC days, so these are UTC days whatever {@code spend-audit.zone} is
 * @param from the first UTC day reconciled (ISO)
 * @param to the last UTC day reconciled, inclusive
 * @param providers one per provider and UTC day, by provider then day
 * @param unreadable inbox files that cannot be read (nothing of them is used)
 * @param files the bill files in the inbox
 * @param filesRead how many of them were read this time (new or changed)
 * @param fetchFailed one line per provider whose bills could not be fetched this time (no key in it); the bills
 * already in the inbox are still reconciled
 */
@JsonPropertyOrder({ "days", "from", "to", "providers", "unreadable", "files", "filesRead", "fetchFailed" })
public record ReconcileReport(String days, String from, String to, List<ProviderDay> providers,
		List<UnreadableFile> unreadable, int files, int filesRead, List<String> fetchFailed) {

	public ReconcileReport {
		// a section stored before fetching was reported has none
		fetchFailed = fetchFailed == null ? List.of() : List.copyOf(fetchFailed);
	}

}
