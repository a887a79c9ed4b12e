package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One spend-log request, as a spike's explanation lists it. */
public record RequestSample(String requestId, LocalDateTime startTimeUtc, long promptTokens, long completionTokens,
		BigDecimal usd) {
}
