-- One LiteLLM-shaped day of spend logs, built in SQL (no row-by-row inserts); build.sh runs it once per day:
--
--   psql -v day=2026-11-26 -v rows=166667 -v keys=50 -v key_prefix=sk-bench- -f spend-logs.sql
--
-- Every value but the metadata blob is a hash of (day, row number), so a day is the same rows in every data set
-- that holds it (the 5M-row and the 500K-row sets share their last three days). About 4 KB of random hex sits in
-- metadata.model_map_information, where LiteLLM keeps its cost-map copy in a real row: random bytes do not
-- compress, so the JSONB lives in TOAST as it does on a real proxy.
WITH models (idx, model, provider, api_base, in_price, out_price) AS (VALUES
	(0, 'gpt-4.1', 'openai', 'https://api.openai.com/v1', 2.00, 8.00),
	(1, 'gpt-4.1-mini', 'openai', 'https://api.openai.com/v1', 0.40, 1.60),
	(2, 'gpt-4o', 'openai', 'https://api.openai.com/v1', 2.50, 10.00),
	(3, 'gpt-4o-mini', 'openai', 'https://api.openai.com/v1', 0.15, 0.60),
	(4, 'o3', 'openai', 'https://api.openai.com/v1', 2.00, 8.00),
	(5, 'o4-mini', 'openai', 'https://api.openai.com/v1', 1.10, 4.40),
	(6, 'claude-sonnet-4', 'anthropic', 'https://api.anthropic.com', 3.00, 15.00),
	(7, 'claude-opus-4', 'anthropic', 'https://api.anthropic.com', 15.00, 75.00),
	(8, 'claude-3-5-haiku', 'anthropic', 'https://api.anthropic.com', 0.80, 4.00),
	(9, 'gemini-2.5-pro', 'gemini', 'https://generativelanguage.googleapis.com', 1.25, 10.00),
	(10, 'gemini-2.5-flash', 'gemini', 'https://generativelanguage.googleapis.com', 0.30, 2.50),
	(11, 'gemini-2.0-flash-lite', 'gemini', 'https://generativelanguage.googleapis.com', 0.075, 0.30),
	(12, 'mistral-large', 'mistral', 'https://api.mistral.ai/v1', 2.00, 6.00),
	(13, 'codestral', 'mistral', 'https://api.mistral.ai/v1', 0.30, 0.90),
	(14, 'llama-3.3-70b-versatile', 'groq', 'https://api.groq.com/openai/v1', 0.59, 0.79),
	(15, 'deepseek-chat', 'deepseek', 'https://api.deepseek.com', 0.27, 1.10),
	(16, 'deepseek-reasoner', 'deepseek', 'https://api.deepseek.com', 0.55, 2.19),
	(17, 'claude-3-haiku-bedrock', 'bedrock', 'https://bedrock-runtime.us-east-1.amazonaws.com', 0.25, 1.25),
	(18, 'gpt-4o-azure', 'azure', 'https://bench.openai.azure.com', 2.50, 10.00),
	(19, 'llama3.1', 'ollama', 'http://127.0.0.1:11434', 0, 0)
),
hashed AS (
	SELECT i,
		abs(hashint8extended(i, (:'day'::date - date '2000-01-01') * 4)) AS h1,
		abs(hashint8extended(i, (:'day'::date - date '2000-01-01') * 4 + 1)) AS h2,
		abs(hashint8extended(i, (:'day'::date - date '2000-01-01') * 4 + 2)) AS h3,
		abs(hashint8extended(i, (:'day'::date - date '2000-01-01') * 4 + 3)) AS h4
	FROM generate_series(1, :rows) AS i
),
calls AS (
	SELECT i, h4,
		-- 2% failures and 5% cache hits, disjoint (h4 % 50 = 0 means h4 % 20 is 0 or 10)
		h4 % 50 = 0 AS failed, h4 % 20 = 1 AS cached,
		-- log-uniform prompts of 20 to 30,000 tokens (median about 800); completions up to 1,500, none on a failure
		floor(20 * exp(ln(1500) * (h2 % 100000) / 100000.0))::int AS prompt,
		CASE WHEN h4 % 50 = 0 THEN 0 ELSE (10 + h3 % 1500)::int END AS completion,
		:'day'::timestamp + (i - 0.5) * interval '1 day' / :rows AS ts,
		(200 + h3 % 30000) * interval '1 millisecond' AS duration,
		(1 + h1 % 512)::int AS extra_bytes,
		'10.0.' || (h1 % 7) || '.' || (h2 % 250) AS ip,
		-- a skewed mix: a few keys carry most of the traffic, each key on four of the models
		floor(:keys * power((h1 % 1000000) / 1000000.0, 2))::int AS key_idx,
		(h3 / 7) % 4 AS model_pick
	FROM hashed
)
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens,
	completion_tokens, "startTime", "endTime", request_duration_ms, model, model_id, model_group, custom_llm_provider,
	api_base, "user", metadata, cache_hit, cache_key, request_tags, team_id, end_user, requester_ip_address, status)
SELECT 'bench-' || :'day' || '-' || c.i, 'acompletion', k.token,
	CASE WHEN c.failed OR c.cached THEN 0
		ELSE round((c.prompt * m.in_price + c.completion * m.out_price) / 1e6, 8)::float8 END,
	c.prompt + c.completion, c.prompt, c.completion, c.ts, c.ts + c.duration,
	(extract(epoch FROM c.duration) * 1000)::int,
	m.provider || '/' || m.model, 'deploy-' || m.idx, m.model, m.provider, m.api_base, '',
	jsonb_build_object('user_api_key_alias', k.alias, 'user_api_key_hash', k.token,
		'user_api_key_user_id', 'user-' || c.key_idx, 'user_api_key_team_id', 'team-' || (c.key_idx % 5),
		'requester_ip_address', c.ip, 'status', CASE WHEN c.failed THEN 'failure' ELSE 'success' END,
		'model_map_information', jsonb_build_object('model_map_key', m.model,
			'model_map_value', jsonb_build_object('key', m.model, 'litellm_provider', m.provider,
				'input_cost_per_token', m.in_price / 1e6, 'output_cost_per_token', m.out_price / 1e6,
				'blob', encode(gen_random_bytes(768) || gen_random_bytes(768) || gen_random_bytes(c.extra_bytes),
					'hex')))),
	CASE WHEN c.cached THEN 'True' ELSE 'False' END, '', '[]', 'team-' || (c.key_idx % 5),
	'end-user-' || (c.h4 % 200), c.ip, CASE WHEN c.failed THEN 'failure' ELSE 'success' END
FROM calls c
JOIN LATERAL (SELECT encode(sha256(convert_to(:'key_prefix' || c.key_idx, 'UTF8')), 'hex') AS token,
	'vk-bench-' || lpad(c.key_idx::text, 2, '0') AS alias) k ON true
JOIN models m ON m.idx = (c.key_idx * 3 + c.model_pick) % 20;
