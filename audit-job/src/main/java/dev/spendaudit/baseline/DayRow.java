package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.spendaudit.source.Attribution;

/**
 * One stored rollup row ({@code key_model_day}): a key hash's spend on one model and provider on one day.
 */
record DayRow(LocalDate date, String apiKey, String workload, Attribution attribution, String model,
		String provider, BigDecimal usd, long requests, long promptTokens, long completionTokens) {
}
