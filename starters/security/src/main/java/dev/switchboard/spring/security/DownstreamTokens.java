package dev.switchboard.spring.security;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.security.Caller;
import dev.switchboard.runtime.security.DownstreamCredentials;
import dev.switchboard.spring.SwitchboardProperties;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The bearer token each generated client sends, per downstream as
 * {@code switchboard.services.<service>.client.credentials} says: {@code none}; {@code forward}, the
 * current caller's own token from the {@link CallContext} (none outside a call, e.g. in a message
 * handler); or {@code client-credentials}, the service's own token from the OAuth2 client
 * {@code registration}, through an {@link OAuth2AuthorizedClientManager} made for use outside a web
 * request, which keeps the token and fetches a new one shortly before it expires.
 */
final class DownstreamTokens implements DownstreamCredentials {

    static final String NONE = "none";
    static final String FORWARD = "forward";
    static final String CLIENT_CREDENTIALS = "client-credentials";

    private final SwitchboardProperties properties;
    private final Supplier<OAuth2AuthorizedClientManager> clients;

    /** @param clients the client manager, looked up on the first {@code client-credentials} call (null: none) */
    DownstreamTokens(SwitchboardProperties properties, Supplier<OAuth2AuthorizedClientManager> clients) {
        this.properties = properties;
        this.clients = clients;
    }

    @Override
    public Optional<String> bearerToken(String service) {
        SwitchboardProperties.Service configured = properties.service(service);
        if (configured == null) {
            return Optional.empty();
        }
        SwitchboardProperties.Client client = configured.getClient();
        String credentials = client.getCredentials() == null ? NONE : client.getCredentials();
        return switch (credentials) {
            case NONE -> Optional.empty();
            case FORWARD -> CallContext.current().flatMap(CallContext::caller).flatMap(Caller::bearerToken);
            case CLIENT_CREDENTIALS -> Optional.of(obtained(service, client.getRegistration()));
            default -> throw new IllegalStateException("switchboard.services." + ServiceKeys.kebab(service)
                    + ".client.credentials is '" + credentials + "'; write none, forward or client-credentials");
        };
    }

    private String obtained(String service, String registration) {
        String key = "switchboard.services." + ServiceKeys.kebab(service) + ".client.registration";
        if (registration == null || registration.isBlank()) {
            throw new IllegalStateException(key + " is not set: name a spring.security.oauth2.client.registration");
        }
        OAuth2AuthorizedClientManager manager = clients.get();
        if (manager == null) {
            throw new IllegalStateException(key + " is '" + registration + "', but no OAuth2 client registration is"
                    + " configured: set spring.security.oauth2.client.registration." + registration + ".*");
        }
        OAuth2AuthorizedClient authorized;
        try {
            authorized = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration)
                    .principal(ServiceKeys.kebab(service))
                    .build());
        } catch (OAuth2AuthorizationException e) {
            // The token endpoint refused or could not be reached: the call cannot go out authenticated.
            throw new SwitchboardException(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.name(),
                    "no token for " + service + " from registration " + registration + ": " + e.getMessage(),
                    Map.of(), e);
        }
        if (authorized == null) {
            throw new IllegalStateException("registration " + registration + " does not use client_credentials");
        }
        return authorized.getAccessToken().getTokenValue();
    }
}
