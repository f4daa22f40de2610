package dev.switchboard.samples.flow;

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
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shop's authorization server, as small as a sample can have one: an RSA key made at start (nothing
 * checked in), its public half at {@code /jwks} for the services to check signatures, an OAuth2 token
 * endpoint at {@code /token} granting {@code client_credentials} to the services it knows, and
 * {@link #signIn} standing in for the login page that gives a customer a token.
 *
 * <p>Each token names the services it is meant for ({@code aud}); each service accepts only its own.
 */
public final class TokenIssuer implements AutoCloseable {

    /** The order service's client id at {@code /token}. */
    public static final String ORDERS_CLIENT = "orders-service";

    /** What a service may ask for at {@code /token}: its secret, its scopes, the one service they are for. */
    private record Client(String secret, String scope, String audience) {}

    /** The services a signed-in customer's token is meant for. */
    private static final List<String> SHOP_FRONT = List.of(Shop.ORDERS, Shop.POINTS);

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Integer> granted = new ConcurrentHashMap<>();

    private TokenIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    /** An issuer on a free port of 127.0.0.1 that knows the order service as a client of inventory. */
    public static TokenIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("shop-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TokenIssuer issuer = new TokenIssuer(key, server);
            issuer.clients.put(ORDERS_CLIENT, new Client(HexFormat.of().formatHex(new SecureRandom().generateSeed(16)),
                    "inventory:reserve", Shop.INVENTORY));
            server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/token", issuer::grant);
            server.start();
            return issuer;
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, the {@code iss} of every token and where the services find its key. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The secret the order service authenticates with at {@code /token}, made at start. */
    public String ordersClientSecret() {
        return clients.get(ORDERS_CLIENT).secret();
    }

    /** How many tokens {@code clientId} was granted at {@code /token}. */
    public int tokensGranted(String clientId) {
        return granted.getOrDefault(clientId, 0);
    }

    /** A customer's token for the orders and points services with {@code scope} (space-separated). */
    public String signIn(String customerId, String scope) {
        return sign(customerId, scope, SHOP_FRONT);
    }

    private String sign(String subject, String scope, List<String> audience) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url()).subject(subject).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString()).claim("scope", scope).build();
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /token}: {@code grant_type=client_credentials} with the client's id and secret (HTTP basic). */
    private void grant(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")
                || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String[] idAndSecret = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":", 2);
        String clientId = URLDecoder.decode(idAndSecret[0], StandardCharsets.UTF_8);
        Client client = clients.get(clientId);
        if (client == null || idAndSecret.length < 2
                || !client.secret().equals(URLDecoder.decode(idAndSecret[1], StandardCharsets.UTF_8))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        granted.merge(clientId, 1, Integer::sum);
        answer(exchange, 200, "{\"access_token\":\"" + sign(clientId, client.scope(), List.of(client.audience()))
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
