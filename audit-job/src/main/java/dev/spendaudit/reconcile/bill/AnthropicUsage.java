package dev.spendaudit.reconcile.bill;

import java.time.LocalDate;

/**
 * A saved Anthropic {@code GET /v1/organizations/usage_report/messages} page: buckets summed into one
 * {@link BilledUsage} per UTC day and model; the prompt is the four input counts ({@code uncached_input_tokens},
 * {@code cache_creation.ephemeral_5m_input_tokens}, {@code cache_creation.ephemeral_1h_input_tokens},
 * {@code cache_read_input_tokens}), the completion {@code output_tokens}; requests are not counted by the report.
 * It bills no money, so it covers no day.
 */
final class AnthropicUsage {

	private AnthropicUsage() {
	}

	static BillFile read(BillSource source, Json root) {
		JsonFields fields = new JsonFields(source.path());
		BillParts parts = new BillParts();
		for (Json bucket : fields.array(root.get("data"), "data")) {
			LocalDate day = AnthropicCosts.bucketDay(fields, fields.object(bucket, "data[]"));
			for (Json result : fields.array(bucket.get("results"), "results")) {
				fields.object(result, "results[]");
				Json cacheCreation = result.get("cache_creation");
				long prompt = fields.count(result.get("uncached_input_tokens"), "uncached_input_tokens")
						+ fields.count(cacheCreation.get("ephemeral_5m_input_tokens"),
								"cache_creation.ephemeral_5m_input_tokens")
						+ fields.count(cacheCreation.get("ephemeral_1h_input_tokens"),
								"cache_creation.ephemeral_1h_input_tokens")
						+ fields.count(result.get("cache_read_input_tokens"), "cache_read_input_tokens");
				parts.add(new BilledUsage(AnthropicCosts.PROVIDER, day, fields.optionalText(result.get("model"), "model"),
						null, prompt, fields.count(result.get("output_tokens"), "output_tokens")));
			}
		}
		return parts.file(source, BillFormat.ANTHROPIC_USAGE_JSON, false);
	}

}
