-- A gateway (source) of spend-audit.sources that could not be read when the day was: its facts are missing for
-- that day, the others' are stored. A day with a row here counts as not fully audited, so the next run's catch-up
-- (or a rerun of the day) reads it again. Cleared with the day's other rows when the day is replaced.
CREATE TABLE source_missing (
    audit_date DATE NOT NULL REFERENCES audit_day (audit_date) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (audit_date, source)
);
