-- Mail only when it matters.
--
-- 1. A day's digest the cadence deliberately does not mail (spend-audit.digest.cadence: alerts or weekly, and a
--    quiet day) is recorded HELD in sent_digest: status says so, and it is neither an attempt nor a failure. The
--    resend command mails such a day when asked.
ALTER TABLE sent_digest DROP CONSTRAINT sent_digest_status_check;
ALTER TABLE sent_digest ADD CONSTRAINT sent_digest_status_check
    CHECK (status IN ('SENDING', 'SENT', 'FAILED', 'HELD'));

-- 2. Every attempt to mail a period's statement (a month, 2026-11, or an ISO week, 2026-W48), one row per
--    Message-ID, so each period is mailed once: reruns, catch-up, resend and the statement command find it SENT and
--    never mail it again. SENDING before the SMTP conversation, then SENT or FAILED, as for the digest.
CREATE TABLE sent_statement (
    message_id           TEXT         NOT NULL,
    period               TEXT         NOT NULL,
    period_from          DATE         NOT NULL,
    period_to            DATE         NOT NULL,
    recipients           TEXT         NOT NULL,
    subject              TEXT         NOT NULL,
    status               TEXT         NOT NULL,
    attempts             INTEGER      NOT NULL DEFAULT 0,
    last_error           TEXT,
    first_attempt_utc    TIMESTAMP    NOT NULL,
    sent_utc             TIMESTAMP,
    CONSTRAINT sent_statement_pkey PRIMARY KEY (message_id),
    CONSTRAINT sent_statement_status_check CHECK (status IN ('SENDING', 'SENT', 'FAILED'))
);

CREATE INDEX sent_statement_period_idx ON sent_statement (period, first_attempt_utc);
