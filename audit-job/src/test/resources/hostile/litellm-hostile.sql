-- The hostile data set: a LiteLLM-shaped database fed garbage, beside the demo's healthy traffic. Applied after
-- sql/litellm/V1__litellm_tables.sql by HostileInputIntegrationTests, which audits 2026-11-26 (UTC) and checks
-- that the day completes, that the sums count exactly the valid rows, and that every output stays readable and
-- escaped. Every valid row of the day costs 0.5 (the named keys) or 0.001 (the crowd), so the expected sums are
-- plain arithmetic on the counts stated here; the rows that are not valid say why in their request_id.

-- Key table: hostile aliases, each its own key (token = sha256 of 'sk-hostile-N').
INSERT INTO "LiteLLM_VerificationToken" (token, key_name, key_alias, updated_at)
SELECT encode(sha256(convert_to('sk-hostile-' || n, 'UTF8')), 'hex'), 'sk-...h' || n, alias, now()
FROM (VALUES
    (1, '<script>document.title=''XSS-RAN'';document.body.setAttribute(''data-xss'',''1'')</script>'),
    (2, '<img src=x onerror="document.title=''XSS-RAN''">&amp;<b>bold</b>'),
    (3, 'vk''; DROP TABLE "LiteLLM_SpendLogs"; -- %_\'),
    (4, 'vk-' || repeat('A', 10240)),
    (5, 'vk-🚀🔥-émoji-👩‍👩‍👧'),
    (6, 'vk-' || chr(8238) || 'gnp.exe' || chr(8236) || '-rtl'),
    (7, 'vk-ctl' || chr(1) || chr(7) || chr(27) || '[31mred' || chr(27) || '[0m' || chr(10) || 'second line' || chr(127)),
    (8, 'vk-twin'),
    (9, 'vk-twin'),
    (10, 'vk-tags')
) AS a(n, alias);

-- The day's rows of the named keys: 2 valid rows each (0.5 each) on a hostile model name.
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens,
    "startTime", "endTime", model, model_group, custom_llm_provider, status, metadata, request_tags)
SELECT 'named-' || n || '-' || i, 'acompletion', encode(sha256(convert_to('sk-hostile-' || n, 'UTF8')), 'hex'), 0.5,
    150, 100, 50, timestamp '2026-11-26 08:00' + (n * 10 + i) * interval '1 minute',
    timestamp '2026-11-26 08:00:02' + (n * 10 + i) * interval '1 minute',
    CASE n % 5
        WHEN 0 THEN '<script>document.title=''XSS-RAN''</script>'
        WHEN 1 THEN 'model-' || repeat('m', 10240)
        WHEN 2 THEN 'gpt''"; SELECT 1; --'
        WHEN 3 THEN 'model-' || chr(8238) || 'lmth' || chr(9) || chr(133)
        ELSE 'llama-🦙' END,
    '', 'openai', CASE WHEN i = 1 THEN NULL ELSE 'success' END, '{}', '[]'
FROM generate_series(1, 10) AS n, generate_series(1, 2) AS i;

-- vk-tags is being retired (the test configures it), so its callers are read: request_tags and metadata that are
-- not what LiteLLM writes. 3 valid rows.
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, prompt_tokens, completion_tokens, "startTime",
    "endTime", model, status, metadata, request_tags)
VALUES
    ('tags-string', 'acompletion', encode(sha256(convert_to('sk-hostile-10', 'UTF8')), 'hex'), 0.5, 10, 5,
        '2026-11-26 10:00', '2026-11-26 10:00:01', 'gpt-4.1-mini', 'success', '"a string"', '"not-an-array"'),
    ('tags-object', 'acompletion', encode(sha256(convert_to('sk-hostile-10', 'UTF8')), 'hex'), 0.5, 10, 5,
        '2026-11-26 10:01', '2026-11-26 10:01:01', 'gpt-4.1-mini', 'success', 'null', '{"tag": "<b>x</b>"}'),
    ('tags-null', 'acompletion', encode(sha256(convert_to('sk-hostile-10', 'UTF8')), 'hex'), 0.5, 10, 5,
        '2026-11-26 10:02', '2026-11-26 10:02:01', 'gpt-4.1-mini', NULL, NULL, NULL);

-- A key hash no key table names: its metadata is read for a request-time alias. 4 rows whose metadata is not a
-- JSON object (an array, a string, JSON null, SQL NULL) and one whose alias is a script; all 5 valid spend.
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, prompt_tokens, completion_tokens, "startTime",
    "endTime", model, status, metadata)
VALUES
    ('meta-array', 'acompletion', repeat('b', 64), 0.5, 10, 5, '2026-11-26 11:00', '2026-11-26 11:00:01', 'gpt-4.1', 'success', '[1, 2]'),
    ('meta-string', 'acompletion', repeat('b', 64), 0.5, 10, 5, '2026-11-26 11:01', '2026-11-26 11:01:01', 'gpt-4.1', 'success', '"vk-x"'),
    ('meta-json-null', 'acompletion', repeat('b', 64), 0.5, 10, 5, '2026-11-26 11:02', '2026-11-26 11:02:01', 'gpt-4.1', 'success', 'null'),
    ('meta-sql-null', 'acompletion', repeat('b', 64), 0.5, 10, 5, '2026-11-26 11:03', '2026-11-26 11:03:01', 'gpt-4.1', 'success', NULL),
    ('meta-script-alias', 'acompletion', repeat('c', 64), 0.5, 10, 5, '2026-11-26 11:04', '2026-11-26 11:04:01', 'gpt-4.1', 'success',
        '{"user_api_key_alias": "<script>document.title=''XSS-RAN''</script>"}');

-- Spend that is not money (left out, counted as invalidSpend: 5) or not plausible for one request (left out,
-- counted as implausibleSpend: 2).
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, prompt_tokens, completion_tokens, "startTime",
    "endTime", model, status)
SELECT id, 'acompletion', encode(sha256(convert_to('sk-hostile-5', 'UTF8')), 'hex'), spend, 10, 5,
    timestamp '2026-11-26 12:00' + ord * interval '1 minute', timestamp '2026-11-26 12:00:01' + ord * interval '1 minute',
    'gpt-4.1', 'success'
FROM (VALUES ('spend-nan', 'NaN'::float8, 1), ('spend-inf', 'Infinity'::float8, 2), ('spend-minus-inf', '-Infinity'::float8, 3),
    ('spend-negative', -1.0::float8, 4), ('spend-tiny-negative', -1e-300::float8, 5),
    ('spend-1e308', 1e308::float8, 6), ('spend-1001', 1001.0::float8, 7)) AS s(id, spend, ord);

-- Token counts at INTEGER's limit: 2 valid rows (0.5 each), each 2147483647 tokens in and out.
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens,
    "startTime", "endTime", model, status)
VALUES
    ('tokens-max-1', 'acompletion', encode(sha256(convert_to('sk-hostile-5', 'UTF8')), 'hex'), 0.5, 2147483647, 2147483647, 2147483647,
        '2026-11-26 13:00', '2026-11-26 13:00:01', 'gpt-4.1', 'success'),
    ('tokens-max-2', 'acompletion', encode(sha256(convert_to('sk-hostile-5', 'UTF8')), 'hex'), 0.0, 2147483647, 2147483647, 2147483647,
        '2026-11-26 13:01', '2026-11-26 13:01:01', 'gpt-4.1', NULL);

-- Rows far outside the day: 1970 and 2099. Never in the day's sums.
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, "startTime", "endTime", model, status)
VALUES
    ('epoch', 'acompletion', encode(sha256(convert_to('sk-hostile-5', 'UTF8')), 'hex'), 7.0, '1970-01-01 00:00', '1970-01-01 00:00:01', 'gpt-4.1', 'success'),
    ('far-future', 'acompletion', encode(sha256(convert_to('sk-hostile-5', 'UTF8')), 'hex'), 7.0, '2099-12-31 23:59', '2099-12-31 23:59:59', 'gpt-4.1', 'success');

-- The crowd: 3,000 distinct keys in the day, one row of 0.001 each, aliases vk-crowd-N.
INSERT INTO "LiteLLM_VerificationToken" (token, key_name, key_alias, updated_at)
SELECT encode(sha256(convert_to('sk-crowd-' || n, 'UTF8')), 'hex'), 'sk-...c' || n, 'vk-crowd-' || n, now()
FROM generate_series(1, 3000) AS n;
INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, prompt_tokens, completion_tokens, "startTime",
    "endTime", model, status)
SELECT 'crowd-' || n, 'acompletion', encode(sha256(convert_to('sk-crowd-' || n, 'UTF8')), 'hex'), 0.001, 10, 5,
    timestamp '2026-11-26 00:00' + n * interval '20 seconds', timestamp '2026-11-26 00:00:01' + n * interval '20 seconds',
    'gpt-4.1-mini', 'success'
FROM generate_series(1, 3000) AS n;

-- Daily aggregates: duplicated for one key (two rows of the same UTC date, key and model), missing for the rest.
INSERT INTO "LiteLLM_DailyUserSpend" (id, user_id, date, api_key, model, custom_llm_provider, prompt_tokens,
    completion_tokens, spend, api_requests, successful_requests, updated_at)
VALUES
    ('dup-1', NULL, '2026-11-26', encode(sha256(convert_to('sk-hostile-8', 'UTF8')), 'hex'), 'gpt-4.1', 'openai', 200, 100, 1.0, 2, 2, now()),
    ('dup-2', NULL, '2026-11-26', encode(sha256(convert_to('sk-hostile-8', 'UTF8')), 'hex'), 'gpt-4.1', 'openai', 200, 100, 1.0, 2, 2, now());
