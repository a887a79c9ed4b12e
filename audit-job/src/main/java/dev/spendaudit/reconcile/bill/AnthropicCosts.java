package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A saved Anthropic {@code GET /v1/organizations/cost_report} page: daily buckets ({@code starting_at} inclusive,
 * {@code ending_at} exclusive, RFC 3339, offsets converted to UTC), each covering the UTC day it starts on (a bucket
 * with no results was billed $0), with {@code results[]} of {@code amount} as a decimal string in <b>cents</b>
 * ({@code "123.45"} is $1.2345, divided exactly) summed per {@code model} (null: empty).
 */
final class AnthropicCosts {

	static final String PROVIDER = "anthropic";

	private AnthropicCosts() {
	}

	static BillFile read(BillSource source, Json root) {
		JsonFields fields = new JsonFields(source.path());
		BillParts parts = new BillParts();
		for (Json bucket : fields.array(root.get("data"), "data")) {
			LocalDate day = bucketDay(fields, fields.object(bucket, "data[]"));
			parts.cover(PROVIDER, day);
			for (Json result : fields.array(bucket.get("results"), "results")) {
				fields.object(result, "results[]");
				String currency = fields.optionalText(result.get("currency"), "currency");
				if (!currency.isBlank() && !currency.trim().toUpperCase(Locale.ROOT).equals("USD")) {
					throw fields.fail(result.get("currency"),
							"currency \"" + currency + "\" is not USD (only USD bills are reconciled)");
				}
				BigDecimal cents = fields.money(result.get("amount"), "amount");
				parts.add(new BilledDay(PROVIDER, day, fields.optionalText(result.get("model"), "model").trim(),
						cents.movePointLeft(2), null, null, null, null));
			}
		}
		return parts.file(source, BillFormat.ANTHROPIC_COST_JSON, false);
	}

	/** The UTC day the bucket starts on; a bucket that ends before it starts is an error. */
	static LocalDate bucketDay(JsonFields fields, Json bucket) {
		Instant start = fields.instant(bucket.get("starting_at"), "starting_at");
		Json endingAt = bucket.get("ending_at");
		if (!endingAt.isAbsent() && !fields.instant(endingAt, "ending_at").isAfter(start)) {
			throw fields.fail(endingAt, "ending_at \"" + endingAt.text() + "\" is not after starting_at \""
					+ bucket.get("starting_at").text() + "\"");
		}
		return Values.utcDay(start);
	}

}
