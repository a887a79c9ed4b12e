package dev.spendaudit.reconcile.bill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Tells the saved API responses apart by their structure: OpenAI's pages (buckets with {@code start_time}; an empty
 * one says {@code "object": "page"}), Anthropic's (buckets with {@code starting_at}; an empty one has
 * {@code has_more} and no {@code object}), OpenRouter's activity ({@code data} rows with {@code date} and
 * {@code usage}; an empty one is a bare {@code {"data": []}}). A cost report is told from a usage report by its
 * results (money, or token counts); when no bucket has a result, whole-day buckets are a cost report (days billed
 * nothing) and shorter ones a usage report (only usage comes by the minute or hour).
 */
final class JsonBills {

	private static final Set<String> OPENAI_USAGE = Set.of("input_tokens", "output_tokens", "num_model_requests");

	private static final Set<String> ANTHROPIC_USAGE = Set.of("uncached_input_tokens", "cache_read_input_tokens",
			"cache_creation", "output_tokens");

	private JsonBills() {
	}

	static BillFile read(BillSource source, Json root) {
		if (!root.isObject() || !root.get("data").isArray()) {
			throw new BillFormatException(source.path(), 0,
					"the JSON has no \"data\" array, so it matches no bill format; " + BillReader.TRIED);
		}
		List<Json> data = root.get("data").elements();
		if (data.isEmpty()) {
			if ("page".equals(root.get("object").text())) {
				return OpenAiCosts.read(source, root);
			}
			return root.has("has_more") ? AnthropicCosts.read(source, root) : OpenRouterActivity.read(source, root);
		}
		Json first = data.get(0);
		if (first.has("start_time")) {
			return isUsage(data, OPENAI_USAGE, "start_time", "end_time") ? OpenAiUsage.read(source, root)
					: OpenAiCosts.read(source, root);
		}
		if (first.has("starting_at")) {
			return isUsage(data, ANTHROPIC_USAGE, "starting_at", "ending_at") ? AnthropicUsage.read(source, root)
					: AnthropicCosts.read(source, root);
		}
		if (OpenRouterActivity.matches(first)) {
			return OpenRouterActivity.read(source, root);
		}
		throw new BillFormatException(source.path(), 0,
				"the JSON's structure matches no bill format; " + BillReader.TRIED);
	}

	private static boolean isUsage(List<Json> buckets, Set<String> usageFields, String start, String end) {
		for (Json bucket : buckets) {
			for (Json result : bucket.get("results").elements()) {
				if (result.has("amount")) {
					return false;
				}
				if (usageFields.stream().anyMatch(result::has)) {
					return true;
				}
			}
		}
		Instant from = instant(buckets.get(0).get(start));
		Instant to = instant(buckets.get(0).get(end));
		return from != null && to != null && !Duration.between(from, to).equals(Duration.ofDays(1));
	}

	/** Unix seconds or RFC 3339; {@code null} when neither (the reader then names the value at fault). */
	private static Instant instant(Json value) {
		String text = value.text();
		if (text == null) {
			return null;
		}
		try {
			return value.kind() == Json.Kind.NUMBER ? Instant.ofEpochSecond(Long.parseLong(text))
					: Values.instant(null, 0, "", text);
		}
		catch (NumberFormatException | BillFormatException ex) {
			return null;
		}
	}

}
