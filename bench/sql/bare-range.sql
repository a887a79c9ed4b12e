-- What a backfill is measured against: the range grouped by day, key, model and provider, with the same sums as
-- bare-day.sql. One range scan on "startTime".
SELECT "startTime"::date, api_key, model, custom_llm_provider, sum(spend), count(*),
	count(*) FILTER (WHERE status = 'failure'), count(*) FILTER (WHERE cache_hit = 'True'), sum(prompt_tokens),
	sum(completion_tokens)
FROM "LiteLLM_SpendLogs"
WHERE "startTime" >= :'from'::timestamp AND "startTime" < :'to'::timestamp + interval '1 day'
GROUP BY 1, api_key, model, custom_llm_provider;
