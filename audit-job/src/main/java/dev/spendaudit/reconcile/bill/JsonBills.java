package dev.spendaudit.reconcile.bill;

import java.util.List;

/**
 * Tells the saved API responses apart by their structure: OpenAI's pages ({@code "object": "page"}, buckets with
 * {@code start_time}), Anthropic's ({@code has_more}, buckets with {@code starting_at}), OpenRouter's activity
 * ({@code data} rows with a {@code date}); a cost report from a usage report by its results' fields (money or
 * tokens). A page whose buckets all have no results is a cost report when its buckets are whole days (a day with
 * no spend), else a usage report (usage comes in minutes and hours too).
 */
final class JsonBills {

	private JsonBills() {
	}

	static BillFile read(BillSource source, Json root) {
		if (!root.isObject() || !root.get("data").isArray()) {
			throw new BillFormatException(source.path(), 0,
					"the JSON has no \"data\" array, so it matches no bill format; " + BillReader.TRIED);
		}
		List<Json> data = root.get("data").elements();
		Json first = data.isEmpty() ? null : data.get(0);
		if (first == null ? "page".equals(root.get("object").text()) : first.has("start_time")) {
			return OpenAiCosts.read(source, root);
		}
		if (first == null ? !root.has("has_more") : OpenRouterActivity.matches(first)) {
			return OpenRouterActivity.read(source, root);
		}
		throw new BillFormatException(source.path(), 0,
				"the JSON's structure matches no bill format; " + BillReader.TRIED);
	}

}
