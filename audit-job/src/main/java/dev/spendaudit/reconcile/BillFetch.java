package dev.spendaudit.reconcile;

import dev.spendaudit.core.AuditDay;

/**
 * Fills the inbox before a night reads it (fetching the bills with the providers' admin keys, where they are
 * configured). A bean of this type is called first by step {@code reconcileBills}; the fetching package provides
 * it, so that this package never depends on it. A fetch that fails should say so in the log and leave the inbox as
 * it was: the bills already in it are still reconciled.
 */
@FunctionalInterface
public interface BillFetch {

	void fetch(AuditDay day);

}
