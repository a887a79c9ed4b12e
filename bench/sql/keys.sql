-- The proxy's virtual keys: :keys keys, each with its alias, as LiteLLM's key table holds them (token = sha256 hex
-- of the raw key). Three of them carry a budget, so the budget projection has work to do.
INSERT INTO "LiteLLM_VerificationToken" (token, key_name, key_alias, spend, total_spend, user_id, team_id,
	max_budget, budget_duration, budget_reset_at, created_at, updated_at, last_active)
SELECT encode(sha256(convert_to('sk-bench-' || k, 'UTF8')), 'hex'), 'sk-...' || lpad(k::text, 4, '0'),
	'vk-bench-' || lpad(k::text, 2, '0'), 0, 0, 'user-' || k, 'team-' || (k % 5),
	CASE WHEN k IN (1, 7, 20) THEN 5000 END, CASE WHEN k IN (1, 7, 20) THEN '30d' END,
	CASE WHEN k IN (1, 7, 20) THEN date_trunc('month', :'last_day'::timestamp) + interval '1 month' END,
	:'first_day'::timestamp - interval '60 days', :'first_day'::timestamp - interval '60 days',
	:'last_day'::timestamp + interval '1 day'
FROM generate_series(0, :keys - 1) k;
