package dev.switchboard.rest.client;

import java.net.URI;

/**
 * How to reach one downstream service over REST.
 *
 * @param baseUrl         where it answers; null when not configured (calls then fail with UNAVAILABLE)
 * @param idempotencyKeys whether non-idempotent calls carry an {@code Idempotency-Key}, making them safe to retry
 */
public record RestClientSettings(URI baseUrl, boolean idempotencyKeys) {}
