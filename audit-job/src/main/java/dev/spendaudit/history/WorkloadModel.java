package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One workload's spend on one model over a span of stored days.
 *
 * @param days the stored days it had calls on that model
 */
public record WorkloadModel(String workload, String model, String provider, BigDecimal usd, long requests,
		long failedRequests, int days, LocalDate firstDay, LocalDate lastDay) {
}
