package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A saved OpenAI {@code GET /v1/organization/costs} page: daily buckets ({@code start_time}, {@code end_time} in
 * Unix seconds), each covering its UTC day (a bucket with no results was billed $0), with {@code results[]} of
 * {@code amount.value} USD per {@code line_item}. The model is the line item up to its first {@code ", "}, so
 * {@code gpt-4o-mini-2024-07-18, input} and {@code ..., output} are one model; empty when the line item is null.
 */
final class OpenAiCosts {

	static final String PROVIDER = "openai";

	private OpenAiCosts() {
	}

	static BillFile read(BillSource source, Json root) {
		JsonFields fields = new JsonFields(source.path());
		BillParts parts = new BillParts();
		for (Json bucket : fields.array(root.get("data"), "data")) {
			LocalDate day = bucketDay(fields, bucket);
			parts.cover(PROVIDER, day);
			for (Json result : fields.array(bucket.get("results"), "results")) {
				Json amount = fields.object(result.get("amount"), "amount");
				String currency = fields.optionalText(amount.get("currency"), "amount.currency");
				if (!currency.isBlank() && !currency.trim().toUpperCase(Locale.ROOT).equals("USD")) {
					throw fields.fail(amount.get("currency"),
							"amount.currency \"" + currency + "\" is not USD (only USD bills are reconciled)");
				}
				BigDecimal usd = fields.money(amount.get("value"), "amount.value");
				parts.add(new BilledDay(PROVIDER, day, model(fields.optionalText(result.get("line_item"), "line_item")),
						usd, null, null, null, null));
			}
		}
		return parts.file(source, BillFormat.OPENAI_COSTS_JSON, false);
	}

	/** The bucket's UTC day, from its start; a bucket that ends before it starts is an error. */
	static LocalDate bucketDay(JsonFields fields, Json bucket) {
		Instant start = fields.epochSeconds(bucket.get("start_time"), "start_time");
		Json endTime = bucket.get("end_time");
		if (!endTime.isAbsent() && !fields.epochSeconds(endTime, "end_time").isAfter(start)) {
			throw fields.fail(endTime, "end_time " + endTime.text() + " is not after start_time " + start.getEpochSecond());
		}
		return Values.utcDay(start);
	}

	static String model(String lineItem) {
		int comma = lineItem.indexOf(", ");
		return (comma < 0 ? lineItem : lineItem.substring(0, comma)).trim();
	}

}
