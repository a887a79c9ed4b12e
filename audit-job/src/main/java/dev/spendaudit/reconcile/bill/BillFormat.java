package dev.spendaudit.reconcile.bill;

/** The bill formats the inbox recognises, from a file's content (never from its name). */
public enum BillFormat {

	/** OpenRouter's per-generation activity export (CSV, one row per generation). */
	OPENROUTER_GENERATIONS_CSV,

	/** A saved OpenRouter {@code GET /api/v1/activity} response (per UTC day and model). */
	OPENROUTER_ACTIVITY_JSON,

	/** A saved OpenAI {@code GET /v1/organization/costs} response (daily buckets, USD). */
	OPENAI_COSTS_JSON,

	/** A saved OpenAI {@code GET /v1/organization/usage/completions} response (tokens and requests, no money). */
	OPENAI_USAGE_JSON,

	/** A saved Anthropic {@code GET /v1/organizations/cost_report} response (daily buckets, amounts in cents). */
	ANTHROPIC_COST_JSON,

	/** A saved Anthropic {@code GET /v1/organizations/usage_report/messages} response (tokens, no money). */
	ANTHROPIC_USAGE_JSON,

	/** {@code date,provider,model,usd[,requests,prompt_tokens,completion_tokens]}, for any other provider. */
	PLAIN_CSV

}
