package dev.spendaudit.reconcile.bill;

import java.time.LocalDate;

/**
 * A saved OpenAI {@code GET /v1/organization/usage/completions} page: buckets (a minute, an hour or a day, in Unix
 * seconds) summed into one {@link BilledUsage} per UTC day and model ({@code model} is null unless the request was
 * grouped by it): {@code input_tokens} (cached ones included), {@code output_tokens}, {@code num_model_requests}.
 * It bills no money, so it covers no day.
 */
final class OpenAiUsage {

	private OpenAiUsage() {
	}

	static BillFile read(BillSource source, Json root) {
		JsonFields fields = new JsonFields(source.path());
		BillParts parts = new BillParts();
		for (Json bucket : fields.array(root.get("data"), "data")) {
			LocalDate day = OpenAiCosts.bucketDay(fields, fields.object(bucket, "data[]"));
			for (Json result : fields.array(bucket.get("results"), "results")) {
				fields.object(result, "results[]");
				parts.add(new BilledUsage(OpenAiCosts.PROVIDER, day, fields.optionalText(result.get("model"), "model"),
						fields.optionalCount(result.get("num_model_requests"), "num_model_requests"),
						fields.count(result.get("input_tokens"), "input_tokens"),
						fields.count(result.get("output_tokens"), "output_tokens")));
			}
		}
		return parts.file(source, BillFormat.OPENAI_USAGE_JSON, false);
	}

}
