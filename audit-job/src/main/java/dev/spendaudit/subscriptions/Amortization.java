package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * A plan's fee spread over calendar days: each day of a monthly plan costs the fee divided by the days of that
 * month (28, 29, 30 or 31), each day of a yearly plan the fee divided by the days of that year (365 or 366).
 * Sums over several days are computed as fee times days over period length and rounded once, to the
 * micro-dollar, so a whole month of a $30 plan is exactly $30.
 */
final class Amortization {

	static final int SCALE = 6;

	private Amortization() {
	}

	/** The share of the plan's fee for the days {@code from .. to} (inclusive) on which it is paid for. */
	static BigDecimal fee(Subscription plan, LocalDate from, LocalDate to) {
		LocalDate first = plan.starts() != null && plan.starts().isAfter(from) ? plan.starts() : from;
		LocalDate last = plan.ends() != null && plan.ends().isBefore(to) ? plan.ends() : to;
		BigDecimal sum = BigDecimal.ZERO;
		LocalDate periodStart = periodStart(plan, first);
		while (!periodStart.isAfter(last)) {
			LocalDate periodEnd = periodEnd(plan, periodStart);
			LocalDate a = first.isAfter(periodStart) ? first : periodStart;
			LocalDate b = last.isBefore(periodEnd) ? last : periodEnd;
			long days = b.toEpochDay() - a.toEpochDay() + 1;
			long length = periodEnd.toEpochDay() - periodStart.toEpochDay() + 1;
			if (days > 0) {
				sum = sum.add(plan.feeUsd().multiply(BigDecimal.valueOf(days))
					.divide(BigDecimal.valueOf(length), MathContext.DECIMAL128));
			}
			periodStart = periodEnd.plusDays(1);
		}
		return sum.setScale(SCALE, RoundingMode.HALF_UP);
	}

	/** The fee of the one day {@code day}, zero when the plan is not paid for then. */
	static BigDecimal daily(Subscription plan, LocalDate day) {
		return plan.activeOn(day) ? fee(plan, day, day) : BigDecimal.ZERO.setScale(SCALE);
	}

	private static LocalDate periodStart(Subscription plan, LocalDate day) {
		return plan.billingPeriod() == Subscription.Period.MONTHLY ? day.withDayOfMonth(1) : day.withDayOfYear(1);
	}

	private static LocalDate periodEnd(Subscription plan, LocalDate periodStart) {
		return plan.billingPeriod() == Subscription.Period.MONTHLY ? YearMonth.from(periodStart).atEndOfMonth()
				: Year.from(periodStart).atDay(Year.from(periodStart).length());
	}

}
