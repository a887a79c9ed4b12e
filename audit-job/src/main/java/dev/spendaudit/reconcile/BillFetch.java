package dev.spendaudit.reconcile;

import java.time.LocalDate;
import java.util.List;

/**
 * Fills the inbox before it is read (fetching the bills with the providers' admin keys, where they are configured),
 * for the UTC days up to {@code lastUtcDay}. Step {@code reconcileBills} and {@code spend-audit reconcile} call every
 * bean of this type first; the fetching package provides it, so that this package never depends on it. A fetch that
 * fails says so in the log and leaves the inbox as it was: the bills already in it are still reconciled.
 */
@FunctionalInterface
public interface BillFetch {

	/** Fetches; returns one line per provider that failed (naming it, the host and the status or cause, no key). */
	List<String> fetch(LocalDate lastUtcDay);

}
