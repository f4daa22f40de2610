-- Switchboard Idempotency-Key store shared by a service's instances: a claimed key (status NULL while the
-- first call runs), then the response replayed to retries until expires_at.
-- Copy into a Flyway/Liquibase migration and set switchboard.jdbc.initialize-schema=never.
CREATE TABLE IF NOT EXISTS switchboard_idempotency_keys (
    scope VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint VARCHAR(200) NOT NULL,
    status INTEGER,
    headers VARCHAR(4000),
    body VARBINARY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
-- The clean-up deletes by expiry.
CREATE INDEX IF NOT EXISTS switchboard_idempotency_keys_expires_at ON switchboard_idempotency_keys (expires_at);
