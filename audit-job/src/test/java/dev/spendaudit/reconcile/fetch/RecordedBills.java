package dev.spendaudit.reconcile.fetch;

/**
 * Answers as the providers serve them (the shapes in the providers' API references), for the UTC days 2026-11-20
 * to 2026-11-26.
 */
final class RecordedBills {

	/** OpenAI {@code /v1/organization/costs}, page 1 of 2. */
	static final String OPENAI_COSTS_P1 = """
			{
			  "object": "page",
			  "data": [
			    {
			      "object": "bucket",
			      "start_time": 1795132800,
			      "end_time": 1795219200,
			      "results": [
			        {
			          "object": "organization.costs.result",
			          "amount": { "value": 12.3456, "currency": "usd" },
			          "line_item": "gpt-4.1-mini, input",
			          "project_id": null,
			          "organization_id": "org-test"
			        }
			      ]
			    }
			  ],
			  "has_more": true,
			  "next_page": "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA="
			}
			""";

	/** OpenAI {@code /v1/organization/costs}, page 2 of 2. */
	static final String OPENAI_COSTS_P2 = """
			{
			  "object": "page",
			  "data": [
			    {
			      "object": "bucket",
			      "start_time": 1795651200,
			      "end_time": 1795737600,
			      "results": [
			        {
			          "object": "organization.costs.result",
			          "amount": { "value": 0.5, "currency": "usd" },
			          "line_item": "gpt-4.1-mini, output",
			          "project_id": null,
			          "organization_id": "org-test"
			        }
			      ]
			    }
			  ],
			  "has_more": false,
			  "next_page": null
			}
			""";

	/** OpenAI {@code /v1/organization/usage/completions}, one page. */
	static final String OPENAI_USAGE = """
			{
			  "object": "page",
			  "data": [
			    {
			      "object": "bucket",
			      "start_time": 1795132800,
			      "end_time": 1795219200,
			      "results": [
			        {
			          "object": "organization.usage.completions.result",
			          "input_tokens": 120000,
			          "output_tokens": 30000,
			          "input_cached_tokens": 20000,
			          "num_model_requests": 42,
			          "project_id": null,
			          "user_id": null,
			          "api_key_id": null,
			          "model": "gpt-4.1-mini-2025-04-14",
			          "batch": null
			        }
			      ]
			    }
			  ],
			  "has_more": false,
			  "next_page": null
			}
			""";

	/** Anthropic {@code /v1/organizations/cost_report}, page 1 of 2 (amounts in cents, as decimal strings). */
	static final String ANTHROPIC_COST_P1 = """
			{
			  "data": [
			    {
			      "starting_at": "2026-11-20T00:00:00Z",
			      "ending_at": "2026-11-21T00:00:00Z",
			      "results": [
			        {
			          "currency": "USD",
			          "amount": "123.45",
			          "workspace_id": null,
			          "description": "Claude Sonnet 4 Usage - Input Tokens",
			          "cost_type": "tokens",
			          "context_window": "0-200k",
			          "model": "claude-sonnet-4-20250514",
			          "service_tier": "standard",
			          "token_type": "uncached_input_tokens"
			        }
			      ]
			    }
			  ],
			  "has_more": true,
			  "next_page": "page_MjAyNi0xMS0yMQ=="
			}
			""";

	/** Anthropic {@code /v1/organizations/cost_report}, page 2 of 2. */
	static final String ANTHROPIC_COST_P2 = """
			{
			  "data": [
			    {
			      "starting_at": "2026-11-21T00:00:00Z",
			      "ending_at": "2026-11-22T00:00:00Z",
			      "results": []
			    }
			  ],
			  "has_more": false,
			  "next_page": null
			}
			""";

	/** Anthropic {@code /v1/organizations/usage_report/messages}, one page. */
	static final String ANTHROPIC_USAGE = """
			{
			  "data": [
			    {
			      "starting_at": "2026-11-20T00:00:00Z",
			      "ending_at": "2026-11-21T00:00:00Z",
			      "results": [
			        {
			          "uncached_input_tokens": 41000,
			          "cache_creation": { "ephemeral_1h_input_tokens": 0, "ephemeral_5m_input_tokens": 1200 },
			          "cache_read_input_tokens": 8000,
			          "output_tokens": 9000,
			          "server_tool_use": { "web_search_requests": 0 },
			          "api_key_id": null,
			          "workspace_id": null,
			          "model": "claude-sonnet-4-20250514",
			          "service_tier": null,
			          "context_window": null
			        }
			      ]
			    }
			  ],
			  "has_more": false,
			  "next_page": null
			}
			""";

	/** OpenRouter {@code /api/v1/activity?date=D}: per model for the one day asked. */
	static String openRouterActivity(String date) {
		return """
				{
				  "data": [
				    {
				      "date": "%s",
				      "model": "openai/gpt-4.1-mini",
				      "model_permaslug": "openai/gpt-4.1-mini-2025-04-14",
				      "endpoint_id": "ep-7f3a",
				      "provider_name": "OpenAI",
				      "usage": 1.2345,
				      "byok_usage_inference": 0,
				      "requests": 40,
				      "prompt_tokens": 12000,
				      "completion_tokens": 3000,
				      "reasoning_tokens": 0
				    }
				  ]
				}
				""".formatted(date);
	}

	private RecordedBills() {
	}

}
