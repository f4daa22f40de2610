/**
 * The transactional inbox: a consumer group's processed-message ids claimed in the handler's own
 * transaction, so the claim and the handler's database work commit or roll back together.
 */
package dev.switchboard.jdbc.inbox;
