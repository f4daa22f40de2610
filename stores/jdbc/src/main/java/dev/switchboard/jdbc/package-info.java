/**
 * Delivery state in the application's own database: what the stores share (which database it is,
 * creating their tables when several instances start at once, keeping keys within their columns).
 * The stores live in {@code inbox}, {@code idempotency} and {@code outbox}.
 */
package dev.switchboard.jdbc;
