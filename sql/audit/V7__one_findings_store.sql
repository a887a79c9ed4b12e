-- One store for every feature's findings (issue 8): detection, freshness, flat-fee plans and retiring keys all
-- keep their findings here, each with its memory across nights. A finding now carries the source (gateway) it came
-- from, a stable id (the same on every night of one run of the finding), and may be RESOLVED: there the day before,
-- gone today, reported once with severity INFO and the severity it had kept in previous_severity. Rows written by
-- release 0.1.0 (detection's only) become the default source's, with the ids the job gives them now.

ALTER TABLE finding ADD COLUMN source TEXT NOT NULL DEFAULT 'default';
ALTER TABLE finding ADD COLUMN id TEXT;
-- for RESOLVED: the severity the finding had before it went away (state is NEW, CONTINUING, PLANNED or RESOLVED)
ALTER TABLE finding ADD COLUMN previous_severity TEXT;

-- [jooq ignore start]
-- the id of a run: the first 12 hex characters of sha256(kind|subject|source|since), as FindingMemory.idOf
UPDATE finding
   SET id = substr(encode(sha256(convert_to(kind || '|' || subject || '|' || source || '|'
                                            || to_char(since_date, 'YYYY-MM-DD'), 'UTF8')), 'hex'), 1, 12);
-- [jooq ignore stop]

ALTER TABLE finding ALTER COLUMN id SET NOT NULL;

ALTER TABLE finding DROP CONSTRAINT finding_pkey;
ALTER TABLE finding ADD CONSTRAINT finding_pkey PRIMARY KEY (audit_date, source, ordinal);

-- a finding's nights, for a later status --findings / ack FINDING
CREATE INDEX finding_id_idx ON finding (id);
