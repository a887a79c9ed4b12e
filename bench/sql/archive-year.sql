-- A year of audited nights for bench/archive.sh, straight into the job's store tables (audit_day, source_day,
-- key_model_day, finding) (psql variables: days,
-- workloads, last_day). Every day is audited; each workload spends on two models with a weekly rhythm and a
-- slow trend; every 7th day one workload has a WATCH spike, every 23rd an ALERT, so the calendar shows all three.
SET search_path TO spend_audit;

INSERT INTO audit_day (audit_date, zone, window_start_utc, window_end_utc, job_execution_id, computed_at, audited_at)
SELECT d::date, 'UTC', d, d + interval '1 day', NULL, d + interval '1 day 6 hours', d + interval '1 day 6 hours'
  FROM generate_series(:'last_day'::date - (:days - 1), :'last_day'::date, interval '1 day') AS d;

INSERT INTO source_day (audit_date, source, detailed, read_at_utc)
SELECT audit_date, 'default', TRUE, audited_at FROM audit_day;

INSERT INTO key_model_day (audit_date, source, api_key, workload, attribution, model, provider, usd, requests,
                           failed_requests, cache_hits, prompt_tokens, completion_tokens)
SELECT a.audit_date, 'default', md5('key-' || w), 'vk-bench-' || w, 'KEY_ALIAS', m.model, m.provider,
       round(((0.2 + w * 0.05) * m.share * (1 + 0.3 * sin(extract(dow FROM a.audit_date)))
             * (1 + (a.audit_date - (:'last_day'::date - :days)) / 365.0))::numeric, 4),
       100 + w, w % 3, 10, 40000 + w * 100, 4000 + w * 10
  FROM audit_day a
 CROSS JOIN generate_series(1, :workloads) AS w
 CROSS JOIN (VALUES ('gpt-4.1-mini', 'openai', 0.4), ('claude-sonnet-4', 'anthropic', 0.6)) AS m(model, provider, share);

INSERT INTO finding (audit_date, source, ordinal, id, kind, severity, subject, state, since_date, day_of_run,
                     group_subjects, actual_usd, baseline_usd, reason, details)
SELECT a.audit_date, 'default', 1, substr(md5(a.audit_date::text), 1, 12), 'SPIKE',
       CASE WHEN (a.audit_date - DATE '2000-01-01') % 23 = 0 THEN 'ALERT' ELSE 'WATCH' END,
       'workload:vk-bench-' || (1 + (a.audit_date - DATE '2000-01-01') % :workloads), 'NEW', a.audit_date, 1,
       ARRAY['workload:vk-bench-' || (1 + (a.audit_date - DATE '2000-01-01') % :workloads)], 12.5, 4.0,
       'vk-bench: $12.50 against a $4.00 baseline · new', '{"state": {"state": "NEW"}}'::jsonb
  FROM audit_day a
 WHERE (a.audit_date - DATE '2000-01-01') % 7 = 0 OR (a.audit_date - DATE '2000-01-01') % 23 = 0;

-- the store's tables only (a database-wide ANALYZE warns about every shared catalog it may not touch)
ANALYZE audit_day;
ANALYZE key_model_day;
ANALYZE source_day;
ANALYZE finding;
