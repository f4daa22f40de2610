-- Switchboard transactional inbox: the CloudEvent ids each consumer group has handled, inserted in the
-- handler's own transaction. Copy into a Flyway/Liquibase migration and set switchboard.jdbc.initialize-schema=never.
CREATE TABLE IF NOT EXISTS switchboard_processed_messages (
    consumer_group VARCHAR(200) NOT NULL,
    message_id VARCHAR(200) NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer_group, message_id)
);
-- The clean-up deletes by age.
CREATE INDEX IF NOT EXISTS switchboard_processed_messages_processed_at
    ON switchboard_processed_messages (processed_at);
