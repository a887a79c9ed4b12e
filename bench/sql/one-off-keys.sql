-- A client minting a key per call: :calls calls on :day, each from a key seen nowhere else. Half the keys were
-- minted through the proxy (a token row with an alias); the other half are raw bearer tokens an older LiteLLM
-- logged without a key-table row, so only the request's metadata names them.
INSERT INTO "LiteLLM_VerificationToken" (token, key_name, key_alias, spend, total_spend, created_at, updated_at)
SELECT encode(sha256(convert_to('sk-one-off-' || i, 'UTF8')), 'hex'), 'sk-...' || lpad(i::text, 4, '0'),
	'ci-job-' || lpad(i::text, 5, '0'), 0.001, 0.001, :'day'::timestamp, :'day'::timestamp
FROM generate_series(1, :calls / 2) i;

INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens,
	completion_tokens, "startTime", "endTime", model, model_group, custom_llm_provider, metadata, cache_hit, status)
SELECT 'bench-one-off-' || :'day' || '-' || i, 'acompletion', encode(sha256(convert_to('sk-one-off-' || i, 'UTF8')), 'hex'),
	0.0012, 1100, 1000, 100, ts, ts + interval '2 seconds', 'openai/gpt-4.1-mini', 'gpt-4.1-mini', 'openai',
	jsonb_build_object('user_api_key_alias', 'ci-job-' || lpad(i::text, 5, '0'), 'status', 'success',
		'model_map_information', jsonb_build_object('model_map_key', 'gpt-4.1-mini',
			'model_map_value', jsonb_build_object('blob', encode(gen_random_bytes(768) || gen_random_bytes(768)
				|| gen_random_bytes(256), 'hex')))),
	'False', 'success'
FROM generate_series(1, :calls) i,
LATERAL (SELECT :'day'::timestamp + (i - 0.5) * interval '1 day' / :calls AS ts) t;
