package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The day's metered spend against the days before it, from the store's own history: the digest's top line and
 * its {@code history} JSON field. A day the store does not have is left out, so each average says how many days it is
 * over ({@code auditedDays}: every day with facts, audited or only rolled up as history).
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
	 * @param auditedDays how many of the window's days have facts, audited or rolled up (the average is over these)
	 * @param averageUsd mean metered spend per such day, or null when there is none
	 */
	public record Window(LocalDate from, LocalDate to, int auditedDays, BigDecimal averageUsd) {

		/** The window's length in days. */
		public int days() {
			return (int) (to.toEpochDay() - from.toEpochDay() + 1);
		}

	}

}
