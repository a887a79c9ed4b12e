-- The day's own rows on "startTime" alone, read with the day: its first and last row and the longest gap between
-- two of them. The longest gap of the freshness window is put together from these of the window's stored days
-- instead of reading those days' rows again every night. False for days stored before this release: for a window
-- with such a day the job reads the window's rows as before.
ALTER TABLE source_day ADD COLUMN row_span_read    BOOLEAN   NOT NULL DEFAULT FALSE;
ALTER TABLE source_day ADD COLUMN first_row_utc    TIMESTAMP;
ALTER TABLE source_day ADD COLUMN last_row_utc     TIMESTAMP;
ALTER TABLE source_day ADD COLUMN day_gap_from_utc TIMESTAMP;
ALTER TABLE source_day ADD COLUMN day_gap_to_utc   TIMESTAMP;
