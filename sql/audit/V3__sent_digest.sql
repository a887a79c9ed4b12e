-- Every attempt to mail a day's digest, one row per Message-ID, so each day is delivered once: a rerun, or a restart
-- after a crash, finds the day SENT and does not send it again unless asked to (--resend, or the resend command).
-- Not tied to audit_day by a foreign key on purpose: rerunning a day replaces its audit_day row, and what was sent
-- must survive that.
--
-- status: SENDING while the SMTP conversation is under way (a crash leaves it so: the next run sends again with the
--         same Message-ID, so a client that got the first copy can tell it is the same mail), then SENT or FAILED.

CREATE TABLE sent_digest (
    message_id           TEXT         NOT NULL,
    audit_date           DATE         NOT NULL,
    recipients           TEXT         NOT NULL,
    subject              TEXT         NOT NULL,
    status               TEXT         NOT NULL,
    attempts             INTEGER      NOT NULL DEFAULT 0,
    last_error           TEXT,
    job_execution_id     BIGINT,
    first_attempt_utc    TIMESTAMP    NOT NULL,
    sent_utc             TIMESTAMP,
    CONSTRAINT sent_digest_pkey PRIMARY KEY (message_id),
    CONSTRAINT sent_digest_status_check CHECK (status IN ('SENDING', 'SENT', 'FAILED'))
);

CREATE INDEX sent_digest_day_idx ON sent_digest (audit_date, first_attempt_utc);
