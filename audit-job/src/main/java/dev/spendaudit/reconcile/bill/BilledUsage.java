package dev.spendaudit.reconcile.bill;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a provider's usage report counted for one UTC day and model: tokens and requests, no money. Beside the
 * cost report of the same day it gives the billed price per million tokens.
 *
 * @param provider as in {@link BilledDay#provider()}
 * @param date the UTC day
 * @param model the model; empty when the report is not grouped by model
 * @param requests the requests counted, {@code null} where the report does not count them (Anthropic's)
 * @param promptTokens input tokens (cached ones included)
 * @param completionTokens output tokens
 */
public record BilledUsage(String provider, LocalDate date, String model, Long requests, long promptTokens,
		long completionTokens) {

	public BilledUsage {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(date, "date");
		model = model == null ? "" : model;
	}

}
