package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The day's metered spend against the days before it, from the store's own history: the digest's top line and
 * its {@code history} JSON field. Only audited days are in the store, so each average says how many days it is over.
 *
 * @param previousDay the day before, or null when it was not audited
 * @param last7Days the seven days before the audited day
 * @param last30Days the thirty days before the audited day
 */
public record SpendComparison(PreviousDay previousDay, Window last7Days, Window last30Days) {

	/** The day before's metered spend. */
	public record PreviousDay(LocalDate date, BigDecimal usd) {
	}

	/**
	 * A window of days before the audited day ({@code from} to {@code to}, inclusive).
	 *
	 * @param auditedDays how many of the window's days were audited (the average is over these)
	 * @param averageUsd mean metered spend per audited day, or null when none was audited
	 */
	public record Window(LocalDate from, LocalDate to, int auditedDays, BigDecimal averageUsd) {

		/** The window's length in days. */
		public int days() {
			return (int) (to.toEpochDay() - from.toEpochDay() + 1);
		}

	}

}
