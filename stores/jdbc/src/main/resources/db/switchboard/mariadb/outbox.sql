-- Switchboard's transactional outbox (switchboard-jdbc), MariaDB 10.6 or later (for SKIP LOCKED).
-- For Flyway or Liquibase users who set switchboard.jdbc.initialize-schema=never; safe to run more than once.
-- switchboard_outbox: one row per event or command published inside a transaction, sent by the relay.
CREATE TABLE IF NOT EXISTS switchboard_outbox (
    id           BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partition_id INT           NOT NULL,
    destination  VARCHAR(255)  NOT NULL,
    event_id     VARCHAR(200)  NOT NULL,
    event_type   VARCHAR(255)  NOT NULL,
    source       VARCHAR(255)  NOT NULL,
    subject      VARCHAR(255),
    event_time   VARCHAR(40)   NOT NULL,
    content_type VARCHAR(255)  NOT NULL,
    headers      TEXT          NOT NULL,
    payload      LONGBLOB      NOT NULL,
    created_at   BIGINT        NOT NULL,
    sent_at      BIGINT,
    attempts     INT           DEFAULT 0 NOT NULL,
    last_error   VARCHAR(1000)
) ENGINE=InnoDB;
CREATE INDEX IF NOT EXISTS switchboard_outbox_unsent ON switchboard_outbox (partition_id, sent_at, id);
CREATE INDEX IF NOT EXISTS switchboard_outbox_sent ON switchboard_outbox (sent_at);
-- switchboard_outbox_partitions: one row per partition of keys; a relay sends a partition's rows while it
-- holds that row's lock, so a key's rows go out in order whichever instance sends them.
CREATE TABLE IF NOT EXISTS switchboard_outbox_partitions (
    partition_id INT NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
