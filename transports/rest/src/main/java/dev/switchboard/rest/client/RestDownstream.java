package dev.switchboard.rest.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How to reach one downstream service over REST: where, and on which HTTP client.
 *
 * @param baseUrl         where it answers; null when not configured (calls then fail with UNAVAILABLE)
 * @param idempotencyKeys whether non-idempotent calls carry an {@code Idempotency-Key}, making them safe to retry
 * @param http            the RestClient builder to call it with (under Spring Boot, Boot's, with the
 *                        application's customizers); Switchboard sets its request factory, and turns
 *                        its own client observation off, since every call is already one
 *                        {@code switchboard.call} observation
 * @param requests        the HTTP client its requests go through, made for this downstream alone (under
 *                        Spring Boot, the client Boot detects, with its settings and SSL bundle)
 * @param readTimeout     the read timeout {@code requests} was configured with, which every attempt
 *                        keeps within besides its own limit; null: none
 */
public record RestDownstream(URI baseUrl, boolean idempotencyKeys, RestClient.Builder http,
        ClientHttpRequestFactory requests, Duration readTimeout) {}
