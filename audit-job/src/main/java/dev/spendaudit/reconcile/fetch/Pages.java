package dev.spendaudit.reconcile.fetch;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page of an answer says about the next one: OpenAI's and Anthropic's pages carry {@code has_more} and
 * {@code next_page}, the token the next page is asked for with.
 */
final class Pages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Pages() {
	}

	/**
	 * The next page's token, or null when this page is the last.
	 * @throws FetchFailedException when the page is not a JSON object, or says there is more without saying where
	 */
	static String next(byte[] page) {
		JsonNode root = object(page);
		if (!root.path("has_more").asBoolean(false)) {
			return null;
		}
		JsonNode next = root.path("next_page");
		if (!next.isString() || next.asString().isBlank()) {
			throw new FetchFailedException("the answer says has_more but gives no next_page");
		}
		return next.asString();
	}

	/** @throws FetchFailedException when the answer is not a JSON object (a proxy's HTML page, say) */
	static JsonNode object(byte[] page) {
		JsonNode root;
		try {
			root = JSON.readTree(page);
		}
		catch (JacksonException ex) {
			throw new FetchFailedException("the answer is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new FetchFailedException("the answer is not a JSON object");
		}
		return root;
	}

}
