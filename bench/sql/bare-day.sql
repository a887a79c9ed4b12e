-- What the day's work is measured against: the audited day grouped by key, model and provider, with the sum of
-- spend, the count, failures, cache hits and the prompt and completion token sums. One range scan on "startTime".
SELECT api_key, model, custom_llm_provider, sum(spend), count(*), count(*) FILTER (WHERE status = 'failure'),
	count(*) FILTER (WHERE cache_hit = 'True'), sum(prompt_tokens), sum(completion_tokens)
FROM "LiteLLM_SpendLogs"
WHERE "startTime" >= :'day'::timestamp AND "startTime" < :'day'::timestamp + interval '1 day'
GROUP BY api_key, model, custom_llm_provider;
