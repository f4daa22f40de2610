/**
 * The transactional outbox: a publish inside a transaction is a row in the application's database,
 * committed with its other writes ({@link dev.switchboard.jdbc.outbox.OutboxTransport}), and a relay
 * shared by the instances sends the rows after commit, each key's in write order
 * ({@link dev.switchboard.jdbc.outbox.OutboxRelay}). {@link dev.switchboard.jdbc.outbox.JdbcOutbox}
 * puts them together; {@link dev.switchboard.jdbc.outbox.OutboxSchema} creates the tables.
 */
package dev.switchboard.jdbc.outbox;
