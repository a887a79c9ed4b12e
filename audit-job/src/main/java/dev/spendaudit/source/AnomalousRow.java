package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A spend-log row that could not be taken at face value.
 *
 * @param reason {@link #INVALID_SPEND}, {@link #IMPLAUSIBLE_SPEND} or {@link #INVALID_METADATA}
 */
public record AnomalousRow(String requestId, LocalDateTime startTimeUtc, String reason) {

	/** NaN, infinite or negative {@code spend}: counted, never summed. */
	public static final String INVALID_SPEND = "INVALID_SPEND";

	/**
	 * Finite spend above {@code spend-audit.anomalous.max-request-usd} for one request: counted, never summed.
	 */
	public static final String IMPLAUSIBLE_SPEND = "IMPLAUSIBLE_SPEND";

	/** {@code metadata} that is not a JSON object: counted; its spend is summed, its metadata is not used. */
	public static final String INVALID_METADATA = "INVALID_METADATA";

}
