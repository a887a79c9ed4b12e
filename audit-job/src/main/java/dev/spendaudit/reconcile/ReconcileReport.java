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
 */
@JsonPropertyOrder({ "days", "from", "to", "providers", "unreadable", "files", "filesRead" })
public record ReconcileReport(String days, String from, String to, List<ProviderDay> providers,
		List<UnreadableFile> unreadable, int files, int filesRead) {
}
