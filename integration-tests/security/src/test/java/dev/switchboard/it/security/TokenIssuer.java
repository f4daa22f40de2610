package dev.switchboard.it.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small authorization server for the tests: an RSA key made here, its JWK set at {@code /jwks},
 * RS256 tokens minted on demand, and an OAuth2 token endpoint at {@code /token} granting
 * {@code client_credentials} to the clients it was told about (HTTP basic authentication).
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "ledger";

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer server;
    private final Map<String, Client> clients = new HashMap<>();
    private final AtomicInteger tokensGranted = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private record Client(String secret, String scope) {}

    public TokenIssuer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("ledger-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("ledger-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> answer(exchange, 200,
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::grant);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The resource server properties of a service that trusts this issuer, for audience {@value #AUDIENCE}. */
    public Map<String, String> resourceServer() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer() + "/jwks",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** Lets {@code clientId} obtain tokens carrying {@code scope} at {@code /token}. */
    public void register(String clientId, String secret, String scope) {
        clients.put(clientId, new Client(secret, scope));
    }

    public int tokensGranted() {
        return tokensGranted.get();
    }

    /** Every request to {@code /token}, granted or refused. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** A valid token for {@code subject} with {@code scope} (space-separated), for ten minutes. */
    public String token(String subject, String scope) {
        return sign(key, claims(subject, scope).build());
    }

    public String expired(String subject, String scope) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return sign(key, claims(subject, scope).issueTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)).build());
    }

    public String forAudience(String subject, String scope, String audience) {
        return sign(key, claims(subject, scope).audience(audience).build());
    }

    public String fromIssuer(String subject, String scope, String issuer) {
        return sign(key, claims(subject, scope).issuer(issuer).build());
    }

    /** Signed by a key the JWK set does not hold (same key id). */
    public String forged(String subject, String scope) {
        return sign(otherKey, claims(subject, scope).build());
    }

    private JWTClaimsSet.Builder claims(String subject, String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(issuer()).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString()).claim("scope", scope);
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void grant(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")
                || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String[] idAndSecret = new String(Base64.getDecoder().decode(authorization.substring(6)),
                StandardCharsets.UTF_8).split(":", 2);
        String clientId = URLDecoder.decode(idAndSecret[0], StandardCharsets.UTF_8);
        Client client = clients.get(clientId);
        if (client == null || idAndSecret.length < 2
                || !client.secret().equals(URLDecoder.decode(idAndSecret[1], StandardCharsets.UTF_8))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        tokensGranted.incrementAndGet();
        answer(exchange, 200, "{\"access_token\":\"" + token(clientId, client.scope())
                + "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"scope\":\"" + client.scope() + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
