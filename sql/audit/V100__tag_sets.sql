-- Teams and tags (issue 12), read with the day in its one scan and hung off source_day like every fact table.

-- The day's requests by exact set of request_tags: tags is the set's distinct tags, sorted; '{}' for untagged
-- requests (no tags, or request_tags not a JSON array: not_array_rows counts those). Every request is in exactly one
-- set, so the sets add up to the day; per-tag totals are derived from them (and overlap).
CREATE TABLE tag_set_day (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    tags                   TEXT[]       NOT NULL,
    requests               BIGINT       NOT NULL,
    failed_requests        BIGINT       NOT NULL,
    usd                    NUMERIC      NOT NULL,
    prompt_tokens          BIGINT       NOT NULL,
    completion_tokens      BIGINT       NOT NULL,
    not_array_rows         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT tag_set_day_pkey PRIMARY KEY (audit_date, source, tags),
    CONSTRAINT tag_set_day_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);

-- The team of each of the day's key hashes that has one, as LiteLLM's tables named it when the day was read (a
-- hash without a row here is "no team"). A team's day is its keys' key_model_day rows: the team series of the
-- baselines read the store, never LiteLLM.
CREATE TABLE team_key_day (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    api_key                TEXT         NOT NULL,
    team_id                TEXT         NOT NULL,
    team_alias             TEXT,
    CONSTRAINT team_key_day_pkey PRIMARY KEY (audit_date, source, api_key),
    CONSTRAINT team_key_day_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);

CREATE INDEX team_key_day_team_idx ON team_key_day (team_id, audit_date);

-- A team's own budget as "LiteLLM_TeamTable" held it when the day was read: its spend counter for the current
-- period, the limit, the period and the next reset.
CREATE TABLE team_budget_day (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    team_id                TEXT         NOT NULL,
    spend_usd              NUMERIC      NOT NULL,
    max_budget_usd         NUMERIC      NOT NULL,
    budget_duration        TEXT,
    budget_reset_at_utc    TIMESTAMP,
    CONSTRAINT team_budget_day_pkey PRIMARY KEY (audit_date, source, team_id),
    CONSTRAINT team_budget_day_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);
