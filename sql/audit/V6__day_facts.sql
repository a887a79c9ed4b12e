-- The day is read once (issue 8): one range scan of the spend log turns a day into facts, which the history package
-- alone reads and writes, and every fact row names the source (gateway) it came from ('default' while there is
-- one). A store written by release 0.1.0 is brought forward here without losing or recomputing a day.
--
-- audit_day is the day itself: its window, the job execution that last read it and whether it was *audited* (its
-- own job wrote its digest: audited_at is set) or only *rolled up* (facts only, read so that baselines, charts and
-- plan figures have their history). The per-source facts of the day move to source_day, which every other fact
-- table hangs off (ON DELETE CASCADE): replacing a source's day replaces all of its facts at once.

ALTER TABLE audit_day ADD COLUMN audited_at TIMESTAMP;
ALTER TABLE audit_day ADD COLUMN audited_job_execution_id BIGINT;

-- One row per day and source: what the read of the day saw besides its groups.
CREATE TABLE source_day (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    -- false for days rolled up by release 0.1.0: no prompt sizes, UTC hours, UTC dates or unpriced calls for them
    detailed               BOOLEAN      NOT NULL,
    newest_row_utc         TIMESTAMP,               -- the newest row that started before the day's end
    invalid_spend_rows     BIGINT       NOT NULL DEFAULT 0,
    -- rows with non-object metadata among those whose metadata the read looked at (the hashes no key table names)
    invalid_metadata_rows  BIGINT       NOT NULL DEFAULT 0,
    metadata_rows_read     BIGINT,
    -- the freshness lookups, made only when the day is audited (null on a rolled-up day)
    read_at_utc            TIMESTAMP,
    newest_row_at_read_utc TIMESTAMP,               -- the newest row of all when the day was read
    gap_window_start_utc   TIMESTAMP,               -- the longest gap was looked for in [gap_window_start_utc, end)
    max_gap_from_utc       TIMESTAMP,
    max_gap_to_utc         TIMESTAMP,
    CONSTRAINT source_day_pkey PRIMARY KEY (audit_date, source),
    CONSTRAINT source_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

INSERT INTO source_day (audit_date, source, detailed, newest_row_utc, invalid_spend_rows, invalid_metadata_rows)
SELECT audit_date, 'default', FALSE, newest_row_utc, invalid_spend_rows, invalid_metadata_rows FROM audit_day;

ALTER TABLE audit_day DROP COLUMN newest_row_utc;
ALTER TABLE audit_day DROP COLUMN invalid_spend_rows;
ALTER TABLE audit_day DROP COLUMN invalid_metadata_rows;

-- A day of the old store was audited when a job of that day completed writeDigest, or when its digest was mailed;
-- the days detection backfilled for its baselines have neither, and stay rolled up.
UPDATE audit_day SET
    audited_job_execution_id = (SELECT MAX(s.job_execution_id) FROM batch_step_execution s
        JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
        WHERE s.step_name = 'writeDigest' AND s.status = 'COMPLETED' AND p.parameter_name = 'auditDate'
        AND p.parameter_value = CAST(audit_day.audit_date AS VARCHAR)),
    audited_at = (SELECT MAX(s.end_time) FROM batch_step_execution s
        JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
        WHERE s.step_name = 'writeDigest' AND s.status = 'COMPLETED' AND p.parameter_name = 'auditDate'
        AND p.parameter_value = CAST(audit_day.audit_date AS VARCHAR));

UPDATE audit_day SET audited_at = (SELECT MIN(g.first_attempt_utc) FROM sent_digest g WHERE g.audit_date = audit_day.audit_date)
WHERE audited_at IS NULL AND EXISTS (SELECT 1 FROM sent_digest g WHERE g.audit_date = audit_day.audit_date);

CREATE INDEX audit_day_audited_idx ON audit_day (audited_at);

-- key_model_day: the groups of the day by key hash, model and provider, now per source, with the newest row of the
-- group, its invalid-spend rows and its unpriced calls (successful, not cached, tokens > 0, spend = 0).
ALTER TABLE key_model_day ADD COLUMN source TEXT NOT NULL DEFAULT 'default';
ALTER TABLE key_model_day ALTER COLUMN source DROP DEFAULT;
ALTER TABLE key_model_day ADD COLUMN invalid_spend_rows BIGINT NOT NULL DEFAULT 0;
ALTER TABLE key_model_day ADD COLUMN newest_start_utc TIMESTAMP;
ALTER TABLE key_model_day ADD COLUMN unpriced_requests BIGINT NOT NULL DEFAULT 0;
ALTER TABLE key_model_day ADD COLUMN unpriced_prompt_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE key_model_day ADD COLUMN unpriced_completion_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE key_model_day DROP CONSTRAINT key_model_day_day_fk;
ALTER TABLE key_model_day DROP CONSTRAINT key_model_day_pkey;
ALTER TABLE key_model_day ADD CONSTRAINT key_model_day_pkey PRIMARY KEY (audit_date, source, api_key, model, provider);
ALTER TABLE key_model_day ADD CONSTRAINT key_model_day_source_day_fk FOREIGN KEY (audit_date, source)
    REFERENCES source_day (audit_date, source) ON DELETE CASCADE;
CREATE INDEX key_model_day_key_idx ON key_model_day (api_key, audit_date);

ALTER TABLE anomalous_row ADD COLUMN source TEXT NOT NULL DEFAULT 'default';
ALTER TABLE anomalous_row ALTER COLUMN source DROP DEFAULT;
ALTER TABLE anomalous_row DROP CONSTRAINT anomalous_row_day_fk;
ALTER TABLE anomalous_row DROP CONSTRAINT anomalous_row_pkey;
ALTER TABLE anomalous_row ADD CONSTRAINT anomalous_row_pkey PRIMARY KEY (audit_date, source, request_id, reason);
ALTER TABLE anomalous_row ADD CONSTRAINT anomalous_row_source_day_fk FOREIGN KEY (audit_date, source)
    REFERENCES source_day (audit_date, source) ON DELETE CASCADE;

-- The day's requests of each key hash and model by prompt size: min_prompt_tokens is the bucket's lower bound
-- (0, 1000, 8000, 32000 or 128000 tokens). Empty for the days of release 0.1.0.
CREATE TABLE prompt_bucket_day (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    api_key                TEXT         NOT NULL,
    model                  TEXT         NOT NULL,
    min_prompt_tokens      BIGINT       NOT NULL,
    requests               BIGINT       NOT NULL,
    usd                    NUMERIC      NOT NULL,
    CONSTRAINT prompt_bucket_day_pkey PRIMARY KEY (audit_date, source, api_key, model, min_prompt_tokens),
    CONSTRAINT prompt_bucket_day_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);

-- Requests, tokens and spend per provider and UTC hour of the day's rows. A zone whose midnight is not on the
-- hour splits one UTC hour between two audited days: the hour's figures are the sum over the days.
CREATE TABLE provider_utc_hour (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    hour_utc               TIMESTAMP    NOT NULL,
    provider               TEXT         NOT NULL,
    requests               BIGINT       NOT NULL,
    prompt_tokens          BIGINT       NOT NULL,
    completion_tokens      BIGINT       NOT NULL,
    usd                    NUMERIC      NOT NULL,
    CONSTRAINT provider_utc_hour_pkey PRIMARY KEY (audit_date, source, hour_utc, provider),
    CONSTRAINT provider_utc_hour_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);

CREATE INDEX provider_utc_hour_hour_idx ON provider_utc_hour (hour_utc);

-- Requests and spend per key hash and UTC date of the day's rows, the grain of LiteLLM's daily aggregates. An
-- audited day in a zone other than UTC covers parts of two UTC dates: a date's figures are the sum over the days.
CREATE TABLE key_utc_date (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    utc_date               DATE         NOT NULL,
    api_key                TEXT         NOT NULL,
    requests               BIGINT       NOT NULL,
    failed_requests        BIGINT       NOT NULL,
    usd                    NUMERIC      NOT NULL,
    CONSTRAINT key_utc_date_pkey PRIMARY KEY (audit_date, source, utc_date, api_key),
    CONSTRAINT key_utc_date_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);

CREATE INDEX key_utc_date_date_idx ON key_utc_date (utc_date);
