package dev.spendaudit.statement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which statements a night auditing a day mails: the month before the day's month (monthly), and the ISO week
 * before the day's week once the day is on or after {@code weeklyOn} (weekly), both only when the day is the
 * newest audited one (a rerun of an old day mails no old statement). The {@code sent_statement} record makes the
 * first such night the only one, whatever reruns and catch-ups follow; a catch-up's newest day mails what its
 * days made due.
 */
record DueStatements(boolean monthly, boolean weekly, DayOfWeek weeklyOn) {

	/**
	 * @param auditDate the day the night audits
	 * @param newest whether it is the newest audited day in the store
	 */
	List<Period> on(LocalDate auditDate, boolean newest) {
		List<Period> due = new ArrayList<>();
		if (!newest) {
			return due;
		}
		if (monthly) {
			due.add(Period.month(YearMonth.from(auditDate).minusMonths(1)));
		}
		if (weekly && auditDate.getDayOfWeek().compareTo(weeklyOn) >= 0) {
			due.add(Period.weekOf(auditDate.minusWeeks(1)));
		}
		return due;
	}

}
