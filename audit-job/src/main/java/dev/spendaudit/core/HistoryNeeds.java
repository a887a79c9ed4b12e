package dev.spendaudit.core;

/**
 * How many days before the audited one a feature reads from the history. Each feature that looks back provides
 * one; the first step of the job makes sure the longest of them is in the store before any feature step runs.
 */
@FunctionalInterface
public interface HistoryNeeds {

	/** Days before the audited day that must have facts. */
	int daysBefore();

}
