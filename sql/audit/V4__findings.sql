-- Detection's memory between nights: each audited day's findings with their state (new, continuing since a day,
-- planned), and the day's baseline and attribution health for the digest. Rerunning a day's detection replaces
-- its rows; rolling the day up again drops them with it (ON DELETE CASCADE), so findings never outlive the
-- spend they were computed from.

CREATE TABLE finding (
    audit_date           DATE         NOT NULL,
    ordinal              INTEGER      NOT NULL,
    kind                 TEXT         NOT NULL,
    severity             TEXT         NOT NULL,
    subject              TEXT         NOT NULL,
    -- NEW, CONTINUING or PLANNED; since_date is the first day of the run of consecutive days with this finding
    state                TEXT         NOT NULL,
    since_date           DATE         NOT NULL,
    day_of_run           INTEGER      NOT NULL,
    -- every subject the finding speaks for (one event seen on the total, a workload, a model... is one finding)
    group_subjects       TEXT[]       NOT NULL,
    actual_usd           NUMERIC,
    baseline_usd         NUMERIC,
    reason               TEXT         NOT NULL,
    details              JSONB        NOT NULL,
    job_execution_id     BIGINT,
    CONSTRAINT finding_pkey PRIMARY KEY (audit_date, ordinal),
    CONSTRAINT finding_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);

CREATE INDEX finding_kind_idx ON finding (kind, audit_date);

-- The digest's baseline and attributionHealth fields for the day, as detection computed them.
CREATE TABLE detection_day (
    audit_date           DATE         NOT NULL,
    baseline             JSONB        NOT NULL,
    attribution_health   JSONB        NOT NULL,
    job_execution_id     BIGINT,
    CONSTRAINT detection_day_pkey PRIMARY KEY (audit_date),
    CONSTRAINT detection_day_day_fk FOREIGN KEY (audit_date) REFERENCES audit_day (audit_date) ON DELETE CASCADE
);
