-- The three blind spots of a spend audit (issue 5): is the spend log still written, what do flat-fee plans cost,
-- and are retiring keys still in use. Every table but key_counter_snapshot hangs off audit_day with ON DELETE CASCADE:
-- rerunning a day replaces audit_day first (rollupSpend), which clears these rows, and each step then writes its
-- day again in one transaction, so a rerun never duplicates them.

-- Freshness of the spend log as seen from the end of the audited day, one row per day.
CREATE TABLE freshness_day (
    audit_date             DATE          NOT NULL,
    status                 TEXT          NOT NULL,  -- OK, IDLE, LOGGING_OFF, STALE
    severity               TEXT          NOT NULL,  -- INFO, WATCH or ALERT: how loudly the status speaks
    independent_signal     TEXT          NOT NULL,  -- DAILY_AGGREGATES, KEY_COUNTERS, CANARY, NONE
    window_start_utc       TIMESTAMP     NOT NULL,  -- end of the day minus spend-audit.freshness.gap-window
    window_end_utc         TIMESTAMP     NOT NULL,  -- end of the audited day
    newest_row_utc         TIMESTAMP,
    age_hours              NUMERIC(12,2),
    newest_row_at_run_utc  TIMESTAMP,
    age_hours_at_run       NUMERIC(12,2),
    checked_at_utc         TIMESTAMP     NOT NULL,
    max_gap_hours          NUMERIC(12,2),
    max_gap_from_utc       TIMESTAMP,
    max_gap_to_utc         TIMESTAMP,
    uncaptured_requests    BIGINT,                  -- null when only spend counters were compared
    uncaptured_usd         NUMERIC       NOT NULL,
    silent_hours           JSONB         NOT NULL,  -- [{from, to, hours}]: hours with no rows where traffic went unlogged
    canary                 JSONB,                   -- null unless spend-audit.freshness.canary-key is set
    explanation            TEXT          NOT NULL,
    CONSTRAINT freshness_day_pkey PRIMARY KEY (audit_date),
    CONSTRAINT freshness_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

-- Traffic an independent signal saw that the spend log did not: per key and UTC day (daily aggregates) or per key
-- and interval between two counter snapshots.
CREATE TABLE capture_gap (
    audit_date             DATE          NOT NULL,
    api_key                TEXT          NOT NULL,
    period_start_utc       TIMESTAMP     NOT NULL,
    period_end_utc         TIMESTAMP     NOT NULL,
    independent_signal     TEXT          NOT NULL,
    workload               TEXT          NOT NULL,
    expected_requests      BIGINT,
    logged_requests        BIGINT        NOT NULL,
    expected_usd           NUMERIC       NOT NULL,
    logged_usd             NUMERIC       NOT NULL,
    CONSTRAINT capture_gap_pkey PRIMARY KEY (audit_date, api_key, period_start_utc),
    CONSTRAINT capture_gap_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

-- Nightly copies of LiteLLM's per-key spend counters, the fallback signal where "LiteLLM_DailyUserSpend" is missing.
-- A snapshot is a fact about the moment it was taken, so it is kept across reruns of other days; rerunning the
-- same night replaces that night's snapshot (audit_date).
CREATE TABLE key_counter_snapshot (
    taken_at_utc           TIMESTAMP         NOT NULL,
    api_key                TEXT              NOT NULL,
    audit_date             DATE              NOT NULL,
    spend                  DOUBLE PRECISION  NOT NULL,
    total_spend            DOUBLE PRECISION,          -- LiteLLM v1.103+: lifetime, never reset
    budget_reset_at        TIMESTAMP,                 -- a change means spend was reset to 0
    CONSTRAINT key_counter_snapshot_pkey PRIMARY KEY (taken_at_utc, api_key)
);

CREATE INDEX key_counter_snapshot_day_idx ON key_counter_snapshot (audit_date);

-- Flat-fee plans on the audited day: the amortized fee and what the plan carried.
CREATE TABLE subscription_day (
    audit_date             DATE          NOT NULL,
    name                   TEXT          NOT NULL,
    plan_order             INTEGER       NOT NULL,
    period                 TEXT          NOT NULL,
    period_usd             NUMERIC       NOT NULL,  -- fee-usd: what one period costs
    active                 BOOLEAN       NOT NULL,
    fee_usd                NUMERIC       NOT NULL,  -- the day's share: period fee / days in that calendar period
    month_to_date_usd      NUMERIC       NOT NULL,
    requests               BIGINT        NOT NULL,
    prompt_tokens          BIGINT        NOT NULL,
    completion_tokens      BIGINT        NOT NULL,
    requests_30d           BIGINT        NOT NULL,
    tokens_30d             BIGINT        NOT NULL,
    fee_30d_usd            NUMERIC       NOT NULL,
    per_million_tokens_usd NUMERIC,                 -- fee_30d / tokens_30d, null without tokens
    models                 JSONB         NOT NULL,  -- [{model, provider, requests, tokens}] carried that day
    attribute_to_workloads BOOLEAN       NOT NULL,
    CONSTRAINT subscription_day_pkey PRIMARY KEY (audit_date, name),
    CONSTRAINT subscription_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

-- A plan's daily fee spread over the workloads that used it, by tokens (attribute-to-workloads: true).
CREATE TABLE subscription_workload_day (
    audit_date             DATE          NOT NULL,
    name                   TEXT          NOT NULL,
    workload               TEXT          NOT NULL,
    tokens                 BIGINT        NOT NULL,
    fee_usd                NUMERIC       NOT NULL,
    CONSTRAINT subscription_workload_day_pkey PRIMARY KEY (audit_date, name, workload),
    CONSTRAINT subscription_workload_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

-- Metered, flat-fee and total cost of the day and of its month so far.
CREATE TABLE cost_day (
    audit_date             DATE          NOT NULL,
    month_start            DATE          NOT NULL,
    metered_usd            NUMERIC       NOT NULL,
    flat_fee_usd           NUMERIC       NOT NULL,
    total_usd              NUMERIC       NOT NULL,
    metered_mtd_usd        NUMERIC       NOT NULL,
    flat_fee_mtd_usd       NUMERIC       NOT NULL,
    total_mtd_usd          NUMERIC       NOT NULL,
    CONSTRAINT cost_day_pkey PRIMARY KEY (audit_date),
    CONSTRAINT cost_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

-- Each retiring key as seen from the end of the audited day: the migration checklist.
CREATE TABLE retiring_key_day (
    audit_date             DATE          NOT NULL,
    setting_key            TEXT          NOT NULL,  -- as configured: alias, key_name or token hash
    list_order             INTEGER       NOT NULL,
    matched_by             TEXT          NOT NULL,  -- ALIAS, KEY_NAME, TOKEN_HASH or NONE
    workload               TEXT,
    token_hashes           JSONB         NOT NULL,  -- the LiteLLM key hashes it stands for
    last_seen_utc          TIMESTAMP,               -- newest spend-log row
    last_active_utc        TIMESTAMP,               -- "LiteLLM_VerificationToken".last_active, where it exists
    last_daily_date        DATE,                    -- newest "LiteLLM_DailyUserSpend" date with requests
    latest_sign_utc        TIMESTAMP,               -- the newest of the three: traffic of any kind
    requests_24h           BIGINT        NOT NULL,
    requests_7d            BIGINT        NOT NULL,
    spend_7d_usd           NUMERIC       NOT NULL,
    quiet_days             INTEGER       NOT NULL,
    quiet_hours            NUMERIC(12,2),           -- since latest_sign_utc; null when no sign was found
    verdict                TEXT          NOT NULL,  -- ACTIVE, QUIETING, SAFE_TO_REVOKE, NOT_FOUND
    note                   TEXT,
    deadline               DATE,                    -- the first date in the note
    models                 JSONB         NOT NULL,
    callers                JSONB         NOT NULL,
    CONSTRAINT retiring_key_day_pkey PRIMARY KEY (audit_date, setting_key),
    CONSTRAINT retiring_key_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);
