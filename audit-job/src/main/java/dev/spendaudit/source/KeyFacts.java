package dev.spendaudit.source;

/**
 * Everything LiteLLM's tables say about one {@code api_key} hash; any part may be null.
 *
 * @param apiKey the hash as it appears in the spend log ('' for calls without a key)
 * @param currentAlias {@code key_alias} of the live key with this hash
 * @param currentKeyName {@code key_name} of the live key
 * @param deletedAlias alias of the most recently deleted key with this hash
 * @param deletedKeyName key name of that deleted key
 * @param rotatedAlias current alias of the key this hash was rotated into
 * @param requestAlias newest non-empty request-time alias in the day's rows
 */
public record KeyFacts(String apiKey, String currentAlias, String currentKeyName, String deletedAlias,
		String deletedKeyName, String rotatedAlias, String requestAlias) {

	public KeyFacts {
		apiKey = apiKey == null ? "" : apiKey;
		currentAlias = SourceSettings.blankToNull(currentAlias);
		currentKeyName = SourceSettings.blankToNull(currentKeyName);
		deletedAlias = SourceSettings.blankToNull(deletedAlias);
		deletedKeyName = SourceSettings.blankToNull(deletedKeyName);
		rotatedAlias = SourceSettings.blankToNull(rotatedAlias);
		requestAlias = SourceSettings.blankToNull(requestAlias);
	}

	/** A hash the key tables know nothing about. */
	public static KeyFacts unknown(String apiKey) {
		return new KeyFacts(apiKey, null, null, null, null, null, null);
	}

	/** Whether one of the key tables named an alias, so the request-time alias need not be looked up. */
	boolean hasTableAlias() {
		return currentAlias != null || deletedAlias != null || rotatedAlias != null;
	}

}
