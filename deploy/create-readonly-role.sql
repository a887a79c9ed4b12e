-- Run as a superuser in LiteLLM's database: a role that can read the tables spend-audit needs and own its schema.
-- The job never writes to LiteLLM's tables; its own tables live in schema spend_audit.
CREATE ROLE spend_audit_ro LOGIN PASSWORD 'change-me';
GRANT CONNECT ON DATABASE litellm TO spend_audit_ro;
GRANT USAGE ON SCHEMA public TO spend_audit_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO spend_audit_ro;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO spend_audit_ro;
-- the job's own schema (store): Flyway creates it on first run if the role may
GRANT CREATE ON DATABASE litellm TO spend_audit_ro;
