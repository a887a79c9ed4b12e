-- Every webhook message about a finding (issue 9, "Push for what cannot wait"), one row per webhook, audited day,
-- finding id and state, so each is pushed once: a rerun of the day, or a restart after a crash, finds it SENT and
-- does not push it again. Like sent_digest, not tied to audit_day or finding by a foreign key: rerunning a day
-- replaces its findings, and what was pushed must survive that.
--
-- webhook: the webhook's fingerprint (the first 12 hex characters of the sha256 of its URL), never the URL, whose
--          path and query are its secret.
-- state:   NEW, CONTINUING (a finding that rose to the webhook's min-severity on a later night) or RESOLVED.
-- status:  SENDING while the request is under way (a crash leaves it so: the next run pushes it again), then SENT
--          or FAILED (pushed again by the next runs, for seven days).
-- content_type / body / headers: the message as rendered, so a retry on a later night pushes what the first
--          attempt pushed.

CREATE TABLE sent_notification (
    webhook              TEXT         NOT NULL,
    audit_date           DATE         NOT NULL,
    finding_id           TEXT         NOT NULL,
    state                TEXT         NOT NULL,
    source               TEXT         NOT NULL,
    kind                 TEXT         NOT NULL,
    severity             TEXT         NOT NULL,
    format               TEXT         NOT NULL,
    content_type         TEXT         NOT NULL,
    body                 TEXT         NOT NULL,
    headers              JSONB        NOT NULL,
    status               TEXT         NOT NULL,
    attempts             INTEGER      NOT NULL DEFAULT 0,
    last_error           TEXT,
    job_execution_id     BIGINT,
    first_attempt_utc    TIMESTAMP    NOT NULL,
    sent_utc             TIMESTAMP,
    CONSTRAINT sent_notification_pkey PRIMARY KEY (webhook, audit_date, finding_id, state),
    CONSTRAINT sent_notification_state_check CHECK (state IN ('NEW', 'CONTINUING', 'RESOLVED')),
    CONSTRAINT sent_notification_status_check CHECK (status IN ('SENDING', 'SENT', 'FAILED'))
);

-- the next run's retries: what is not SENT yet, newest first
CREATE INDEX sent_notification_unsent_idx ON sent_notification (webhook, first_attempt_utc) WHERE status <> 'SENT';
-- whether a finding's run was ever pushed to a webhook
CREATE INDEX sent_notification_finding_idx ON sent_notification (webhook, finding_id);
