-- spend-audit.tags.workload-prefix: a request that names its workload in a tag is that workload's, so one key's
-- calls to one model can split over several workloads. The day's groups are therefore one per key hash, model,
-- provider and workload. Every stored day already has one workload per key hash, model and provider, so the wider
-- key holds for them unchanged: nothing is recomputed.
ALTER TABLE key_model_day DROP CONSTRAINT key_model_day_pkey;
ALTER TABLE key_model_day ADD CONSTRAINT key_model_day_pkey
    PRIMARY KEY (audit_date, source, api_key, model, provider, workload);
