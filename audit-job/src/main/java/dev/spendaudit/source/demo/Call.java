package dev.spendaudit.source.demo;

import java.time.LocalDateTime;

/**
 * One LiteLLM request as the proxy would log it: a {@code "LiteLLM_SpendLogs"} row to write. Used by the demo and
 * by tests to build LiteLLM-shaped databases.
 *
 * @param metadata raw JSON text of the {@code metadata} column (may be a non-object on purpose), or null
 * @param status {@code success}, {@code failure} or null (older LiteLLM)
 * @param cacheHit {@code True}, {@code False} or null
 */
public record Call(String requestId, String apiKey, String model, String modelGroup, String provider,
		LocalDateTime startTimeUtc, double spend, int promptTokens, int completionTokens, String status,
		String cacheHit, String metadata, String user, String endUser, String requesterIp, String requestTags) {

	/** A successful, uncached call with the request-time alias in its metadata. */
	public static Call of(String requestId, String apiKey, String alias, String modelGroup, String provider,
			LocalDateTime startTimeUtc, double spend, int promptTokens, int completionTokens) {
		return new Call(requestId, apiKey, provider + "/" + modelGroup, modelGroup, provider, startTimeUtc, spend,
				promptTokens, completionTokens, "success", "False", metadataFor(apiKey, alias, "success"), "", "",
				null, "[]");
	}

	public Call asFailure() {
		return new Call(requestId, apiKey, model, modelGroup, provider, startTimeUtc, 0.0, promptTokens, 0, "failure",
				cacheHit, metadata == null ? null : metadata.replace("\"success\"", "\"failure\""), user, endUser,
				requesterIp, requestTags);
	}

	public Call asCacheHit() {
		return new Call(requestId + "_cache_hit", apiKey, model, modelGroup, provider, startTimeUtc, 0.0, promptTokens,
				completionTokens, status, "True", metadata, user, endUser, requesterIp, requestTags);
	}

	public Call withMetadata(String rawJson) {
		return new Call(requestId, apiKey, model, modelGroup, provider, startTimeUtc, spend, promptTokens,
				completionTokens, status, cacheHit, rawJson, user, endUser, requesterIp, requestTags);
	}

	public Call withSpend(double newSpend) {
		return new Call(requestId, apiKey, model, modelGroup, provider, startTimeUtc, newSpend, promptTokens,
				completionTokens, status, cacheHit, metadata, user, endUser, requesterIp, requestTags);
	}

	public Call withCaller(String newUser, String newEndUser, String ip, String tagsJson) {
		return new Call(requestId, apiKey, model, modelGroup, provider, startTimeUtc, spend, promptTokens,
				completionTokens, status, cacheHit, metadata, newUser, newEndUser, ip, tagsJson);
	}

	public Call withoutStatus() {
		return new Call(requestId, apiKey, model, modelGroup, provider, startTimeUtc, spend, promptTokens,
				completionTokens, null, cacheHit, metadata, user, endUser, requesterIp, requestTags);
	}

	static String metadataFor(String apiKey, String alias, String status) {
		String aliasJson = alias == null ? "null" : "\"" + alias.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		return "{\"user_api_key\": \"" + apiKey + "\", \"user_api_key_alias\": " + aliasJson + ", \"status\": \""
				+ status + "\", \"spend_logs_metadata\": null}";
	}

}
