package dev.spendaudit.reconcile.bill;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The UTC days a file bills completely for one provider, {@code from} to {@code to} inclusive: a day inside it with
 * no money on the bill was billed $0; a day outside it is not billed yet ("pending"), never a gap. Bucketed
 * responses cover their buckets; a per-request or per-day CSV covers its first row's day to its last row's day.
 */
public record BillCoverage(String provider, LocalDate from, LocalDate to) {

	public BillCoverage {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("coverage ends " + to + " before it starts " + from);
		}
	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

}
