-- Acknowledged findings (issue 9, "Quieting"): a person has seen the finding and says it needs no more noise. An
-- acknowledgement names a finding's stable id, so it holds for every night of that one run of the finding and
-- ends by itself when the run ends (RESOLVED: a later run has another id), or after until_date. Kept apart from
-- the finding rows on purpose: rerunning a day replaces its findings, and what a person said must survive that.
CREATE TABLE finding_ack (
    finding_id           TEXT         NOT NULL,
    until_date           DATE,                    -- the last day it holds (inclusive); null: until the finding ends
    note                 TEXT,
    acknowledged_at_utc  TIMESTAMP    NOT NULL,
    CONSTRAINT finding_ack_pkey PRIMARY KEY (finding_id)
);

-- What the night that audited the day knew: the acknowledgement in force for the finding on that day, as JSON
-- ({note, until, at}), null when none. Stored with the finding so the day's status stays what its digest said.
ALTER TABLE finding ADD COLUMN acknowledged JSONB;
