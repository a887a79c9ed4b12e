-- LiteLLM's daily aggregates ("LiteLLM_DailyUserSpend"), which the proxy writes beside the spend log: the
-- freshness check compares the two. Built from the spend log itself (its heap only: no metadata is read).
INSERT INTO "LiteLLM_DailyUserSpend" (id, user_id, date, api_key, model, model_group, custom_llm_provider,
	prompt_tokens, completion_tokens, spend, api_requests, successful_requests, failed_requests, updated_at)
SELECT md5(s.date || s.api_key || s.model), coalesce(t.user_id, 'default_user_id'), s.date, s.api_key, s.model,
	s.model_group, s.custom_llm_provider, s.prompt_tokens, s.completion_tokens, s.spend, s.api_requests,
	s.api_requests - s.failed_requests, s.failed_requests, s.updated_at
FROM (
	SELECT to_char("startTime", 'YYYY-MM-DD') AS date, api_key, model, model_group, custom_llm_provider,
		sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens, sum(spend) AS spend,
		count(*) AS api_requests, count(*) FILTER (WHERE status = 'failure') AS failed_requests,
		max("endTime") AS updated_at
	FROM "LiteLLM_SpendLogs"
	GROUP BY 1, 2, 3, 4, 5
) s
LEFT JOIN "LiteLLM_VerificationToken" t ON t.token = s.api_key;

-- The keys' spend counters, as the proxy keeps them: spend since the last budget reset, and the lifetime total.
UPDATE "LiteLLM_VerificationToken" t SET spend = d.month, total_spend = d.total
FROM (
	SELECT api_key, sum(spend) AS total,
		sum(spend) FILTER (WHERE date >= to_char(date_trunc('month', :'last_day'::date), 'YYYY-MM-DD')) AS month
	FROM "LiteLLM_DailyUserSpend" GROUP BY api_key
) d
WHERE d.api_key = t.token;
