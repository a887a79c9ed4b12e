package dev.spendaudit.baseline;

/**
 * A key's successful, uncached calls on one model and provider that carried tokens but logged zero spend.
 */
record UnpricedCalls(String source, String apiKey, String model, String provider, long calls, long promptTokens,
		long completionTokens) {
}
