-- The job's own record of each audited day. Rerunning a day deletes its rows and writes them again in one
-- transaction, so a day is either whole or absent, never duplicated.

CREATE TABLE audit_day (
    audit_date           DATE         NOT NULL,
    zone                 TEXT         NOT NULL,
    window_start_utc     TIMESTAMP    NOT NULL,
    window_end_utc       TIMESTAMP    NOT NULL,
    newest_row_utc       TIMESTAMP,
    invalid_spend_rows   BIGINT       NOT NULL DEFAULT 0,
    invalid_metadata_rows BIGINT      NOT NULL DEFAULT 0,
    job_execution_id     BIGINT,
    computed_at          TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT audit_day_pkey PRIMARY KEY (audit_date)
);

-- One row per LiteLLM key hash, model and provider for the day, with the workload the key resolved to.
CREATE TABLE key_model_day (
    audit_date           DATE         NOT NULL,
    api_key              TEXT         NOT NULL,
    workload             TEXT         NOT NULL,
    attribution          TEXT         NOT NULL,
    model                TEXT         NOT NULL,
    provider             TEXT         NOT NULL,
    usd                  NUMERIC      NOT NULL,
    requests             BIGINT       NOT NULL,
    failed_requests      BIGINT       NOT NULL,
    cache_hits           BIGINT       NOT NULL,
    prompt_tokens        BIGINT       NOT NULL,
    completion_tokens    BIGINT       NOT NULL,
    CONSTRAINT key_model_day_pkey PRIMARY KEY (audit_date, api_key, model, provider),
    CONSTRAINT key_model_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

CREATE INDEX key_model_day_workload_idx ON key_model_day (workload, audit_date);

-- A few examples of the rows that were left out of the sums (NaN, infinite or negative spend, non-object metadata).
CREATE TABLE anomalous_row (
    audit_date           DATE         NOT NULL,
    request_id           TEXT         NOT NULL,
    start_time_utc       TIMESTAMP    NOT NULL,
    reason               TEXT         NOT NULL,
    CONSTRAINT anomalous_row_pkey PRIMARY KEY (audit_date, request_id, reason),
    CONSTRAINT anomalous_row_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);
