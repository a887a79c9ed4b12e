-- Reconciling with the providers' bills (issue 11). Only the reconcile package reads and writes these tables.
--
-- bill_file: every file the inbox held, remembered by its content's SHA-256: read once, re-read only when the
-- content changes (a new SHA-256 at the same path replaces the old one). A file that could not be read keeps its
-- error (file and line) and nothing else: no coverage, days, usage or requests.
CREATE TABLE bill_file (
    sha256                 TEXT         NOT NULL,
    path                   TEXT         NOT NULL,
    format                 TEXT,                    -- BillFormat; null when the file could not be read
    modified_utc           TIMESTAMP    NOT NULL,   -- of two per-day files for one provider and day, the newer wins
    read_at_utc            TIMESTAMP    NOT NULL,
    error                  TEXT,
    CONSTRAINT bill_file_pkey PRIMARY KEY (sha256)
);

CREATE INDEX bill_file_path_idx ON bill_file (path);

-- The UTC days a file bills completely, per provider (from .. to inclusive).
CREATE TABLE bill_coverage (
    sha256                 TEXT         NOT NULL,
    provider               TEXT         NOT NULL,
    from_date              DATE         NOT NULL,
    to_date                DATE         NOT NULL,
    CONSTRAINT bill_coverage_pkey PRIMARY KEY (sha256, provider, from_date),
    CONSTRAINT bill_coverage_file_fk FOREIGN KEY (sha256) REFERENCES bill_file (sha256) ON DELETE CASCADE
);

-- Money per provider, UTC day and model as a per-day bill says it (line_no: the value's place in the file).
CREATE TABLE billed_day (
    sha256                 TEXT         NOT NULL,
    line_no                INTEGER      NOT NULL,
    provider               TEXT         NOT NULL,
    utc_date               DATE         NOT NULL,
    model                  TEXT         NOT NULL,
    usd                    NUMERIC      NOT NULL,
    byok_usd               NUMERIC,                 -- OpenRouter's BYOK inference: shown beside, never added
    requests               BIGINT,
    prompt_tokens          BIGINT,
    completion_tokens      BIGINT,
    CONSTRAINT billed_day_pkey PRIMARY KEY (sha256, line_no),
    CONSTRAINT billed_day_file_fk FOREIGN KEY (sha256) REFERENCES bill_file (sha256) ON DELETE CASCADE
);

CREATE INDEX billed_day_date_idx ON billed_day (provider, utc_date);

-- Tokens and requests per provider, UTC day and model from a usage report (no money).
CREATE TABLE billed_usage (
    sha256                 TEXT         NOT NULL,
    line_no                INTEGER      NOT NULL,
    provider               TEXT         NOT NULL,
    utc_date               DATE         NOT NULL,
    model                  TEXT         NOT NULL,
    requests               BIGINT,
    prompt_tokens          BIGINT       NOT NULL,
    completion_tokens      BIGINT       NOT NULL,
    CONSTRAINT billed_usage_pkey PRIMARY KEY (sha256, line_no),
    CONSTRAINT billed_usage_file_fk FOREIGN KEY (sha256) REFERENCES bill_file (sha256) ON DELETE CASCADE
);

CREATE INDEX billed_usage_date_idx ON billed_usage (provider, utc_date);

-- The requests of a per-request bill (OpenRouter's generations); utc_date is created_at's UTC day.
CREATE TABLE billed_request (
    sha256                 TEXT         NOT NULL,
    request_id             TEXT         NOT NULL,
    provider               TEXT         NOT NULL,
    created_at_utc         TIMESTAMP    NOT NULL,
    utc_date               DATE         NOT NULL,
    model                  TEXT         NOT NULL,
    usd                    NUMERIC      NOT NULL,
    byok_usd               NUMERIC,
    prompt_tokens          BIGINT       NOT NULL,
    completion_tokens      BIGINT       NOT NULL,
    cached_tokens          BIGINT       NOT NULL,
    api_key_name           TEXT         NOT NULL,
    app_name               TEXT         NOT NULL,
    CONSTRAINT billed_request_pkey PRIMARY KEY (sha256, request_id),
    CONSTRAINT billed_request_file_fk FOREIGN KEY (sha256) REFERENCES bill_file (sha256) ON DELETE CASCADE
);

CREATE INDEX billed_request_date_idx ON billed_request (provider, utc_date);

-- The spend-log lookup of a provider day's billed request ids, done once per bill content: requests_sha256 is the
-- SHA-256 of the day's sorted distinct ids; when the bills of the day change, the lookup is done again.
CREATE TABLE bill_match_day (
    provider               TEXT         NOT NULL,
    utc_date               DATE         NOT NULL,
    requests_sha256        TEXT         NOT NULL,
    matched_at_utc         TIMESTAMP    NOT NULL,
    CONSTRAINT bill_match_day_pkey PRIMARY KEY (provider, utc_date)
);

-- What the spend log holds for each billed request id (found false: the log lacks it).
CREATE TABLE bill_match (
    provider               TEXT         NOT NULL,
    utc_date               DATE         NOT NULL,
    request_id             TEXT         NOT NULL,
    found                  BOOLEAN      NOT NULL,
    logged_model           TEXT,
    logged_usd             NUMERIC,
    logged_prompt_tokens   BIGINT,
    logged_completion_tokens BIGINT,
    CONSTRAINT bill_match_pkey PRIMARY KEY (provider, utc_date, request_id),
    CONSTRAINT bill_match_day_fk FOREIGN KEY (provider, utc_date)
        REFERENCES bill_match_day (provider, utc_date) ON DELETE CASCADE
);

-- When each provider day was first pending and when it was reconciled (audited days), so that the digest of the
-- night that reconciles a day pending before says so.
CREATE TABLE reconciled_day (
    provider               TEXT         NOT NULL,
    utc_date               DATE         NOT NULL,
    pending_on             DATE,
    reconciled_on          DATE,
    CONSTRAINT reconciled_day_pkey PRIMARY KEY (provider, utc_date)
);

-- The reconcile section as the audited day's run computed it (the digest, the findings and reruns read it).
CREATE TABLE reconcile_digest (
    audit_date             DATE         NOT NULL,
    document               JSONB        NOT NULL,
    computed_at_utc        TIMESTAMP    NOT NULL,
    CONSTRAINT reconcile_digest_pkey PRIMARY KEY (audit_date)
);
