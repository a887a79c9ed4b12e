package dev.spendaudit.reconcile.bill;

import java.time.LocalDate;

/**
 * A saved OpenRouter {@code GET /api/v1/activity} response: {@code data[]} rows per day, model and endpoint, summed
 * into one {@link BilledDay} per UTC day and model ({@code usd} = {@code usage}, {@code byokUsd} =
 * {@code byok_usage_inference}, with requests and tokens). It lists only days with traffic, so it covers its first
 * to last day.
 */
final class OpenRouterActivity {

	private static final String PROVIDER = "openrouter";

	private OpenRouterActivity() {
	}

	/** A row of the activity: it has a {@code date} and the money ({@code usage}). */
	static boolean matches(Json row) {
		return row.has("date") && row.has("usage");
	}

	static BillFile read(BillSource source, Json root) {
		JsonFields fields = new JsonFields(source.path());
		BillParts parts = new BillParts();
		for (Json row : fields.array(root.get("data"), "data")) {
			fields.object(row, "data[]");
			Json date = row.get("date");
			LocalDate day = Values.day(source.path(), date.line(), "date", fields.requiredText(date, "date"));
			String model = fields.optionalText(row.get("model"), "model");
			if (model.isBlank()) {
				model = fields.optionalText(row.get("model_permaslug"), "model_permaslug");
			}
			Json byok = row.get("byok_usage_inference");
			parts.add(new BilledDay(PROVIDER, day, model.trim(), fields.money(row.get("usage"), "usage"),
					byok.isAbsent() ? null : fields.money(byok, "byok_usage_inference"),
					fields.optionalCount(row.get("requests"), "requests"),
					fields.optionalCount(row.get("prompt_tokens"), "prompt_tokens"),
					fields.optionalCount(row.get("completion_tokens"), "completion_tokens")));
			parts.cover(PROVIDER, day);
		}
		return parts.file(source, BillFormat.OPENROUTER_ACTIVITY_JSON, true);
	}

}
