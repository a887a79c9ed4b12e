-- Who called a key on a stored day: its callers' IPs, end users, users, tags and spend_logs_metadata, with counts
-- and the newest call, as the retiring-key check reads them. Read from the spend log once per day and key (for the
-- keys being retired) and kept, so the check's week of look-back reads the store instead of a week of the log every
-- night. A row says the day was read for that key; its hints may be empty. Replacing the day's facts drops them.
CREATE TABLE key_caller_day (
    audit_date             DATE         NOT NULL,
    source                 TEXT         NOT NULL,
    api_key                TEXT         NOT NULL,
    -- {"ip": [[value, requests, "newest UTC"], ...], "end_user": [...], "user": [...], "tag": [...], "metadata": [...]}
    hints                  JSONB        NOT NULL,
    CONSTRAINT key_caller_day_pkey PRIMARY KEY (audit_date, source, api_key),
    CONSTRAINT key_caller_day_source_day_fk FOREIGN KEY (audit_date, source)
        REFERENCES source_day (audit_date, source) ON DELETE CASCADE
);
