package dev.switchboard.samples.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer at the shop's doors: plain HTTP and JSON, as any client in any language would call
 * the order and points services, with the bearer token the customer got by signing in at the
 * shop's issuer. Each order starts its own trace (a W3C {@code traceparent} sent with it), so what
 * happened to it can be found in every service afterwards.
 */
public final class Shopper {

    /** The answer to placing an order: its HTTP status, the JSON body, and the trace it started. */
    public record Placed(int status, Map<String, Object> body, String traceId) {

        public boolean accepted() {
            return status == 200;
        }

        public String orderId() {
            return (String) body.get("id");
        }

        /**
         * {@code OutOfStock: only 3 of green-teapot left} for a refused order; a caller turned away at the
         * door gets no contract error, only its code ({@code UNAUTHENTICATED: ...}).
         */
        public String problem() {
            return body.getOrDefault("error", body.get("code")) + ": " + body.get("detail");
        }
    }

    /** What a customer who signed in may do: place and read orders, read points. */
    public static final String CUSTOMER_SCOPES = "orders:write orders:read points:read";

    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String orders;
    private final String points;
    private final TokenIssuer issuer;

    public Shopper(String ordersUrl, String pointsUrl, TokenIssuer issuer) {
        this.orders = ordersUrl;
        this.points = pointsUrl;
        this.issuer = issuer;
    }

    /** Places an order as the customer, signed in with {@link #CUSTOMER_SCOPES}. */
    public Placed placeOrder(String customerId, String sku, int quantity) {
        return placeOrder(customerId, sku, quantity, issuer.signIn(customerId, CUSTOMER_SCOPES));
    }

    /** Places an order with {@code token} as its bearer token, or with none when it is null. */
    public Placed placeOrder(String customerId, String sku, int quantity, String token) {
        String traceId = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        String parent = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(orders + "/orders"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parent + "-01")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("customerId", customerId, "sku", sku, "quantity", quantity))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        return new Placed(response.statusCode(), read(response.body()), traceId);
    }

    /** The points service's answer for a customer: {@code customerId}, {@code points}, {@code orders}. */
    public Map<String, Object> points(String customerId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(points + "/customers/" + customerId + "/points"))
                .header("Authorization", "Bearer " + issuer.signIn(customerId, CUSTOMER_SCOPES))
                .timeout(Duration.ofSeconds(10)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("points of " + customerId + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    /** Waits until the points service has credited {@code orders} orders to the customer. */
    public Map<String, Object> pointsOnceCredited(String customerId, int orders, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        Map<String, Object> balance = points(customerId);
        while (((Number) balance.get("orders")).intValue() < orders && System.nanoTime() < until) {
            sleep(50);
            balance = points(customerId);
        }
        return balance;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String body) {
        return body.isBlank() ? Map.of() : json.readValue(body, Map.class);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
