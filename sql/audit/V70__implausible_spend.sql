-- Rows of finite spend above spend-audit.anomalous.max-request-usd (a single request that cannot have cost that
-- much: 1e308, a unit mix-up). They are among invalid_spend_rows (every row left out of the sums for its spend);
-- this says how many of those were implausible rather than NaN, infinite or negative. Days stored before: 0.
ALTER TABLE source_day ADD COLUMN implausible_spend_rows BIGINT NOT NULL DEFAULT 0;
