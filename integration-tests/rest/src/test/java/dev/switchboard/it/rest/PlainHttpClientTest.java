package dev.switchboard.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.rest.server.ScriptedOrders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated server as any HTTP client sees it, here the JDK's own with hand-written JSON:
 * the contract's routes, problem+json for every kind of bad input (never a 500), idempotency
 * keys, trace context, metrics and the served OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainHttpClientTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private ConfigurableApplicationContext server;
    private String base;

    @BeforeAll
    void start() {
        server = Services.server();
        base = "http://127.0.0.1:" + Services.port(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.getBean(ScriptedOrders.class).reset();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("violations").valueStream().map(violation -> violation.path("field").asString()).toList();
    }

    @Test
    void placesAndReadsAnOrderWithPlainJson() throws Exception {
        HttpResponse<String> created = send("POST", "/orders",
                "{\"customerId\":\"c-7\",\"items\":[{\"sku\":\"apple\",\"quantity\":3}]}");
        assertThat(created.statusCode()).isEqualTo(200);
        String id = json.readTree(created.body()).path("id").asString();

        HttpResponse<String> read = send("GET", "/orders/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode order = json.readTree(read.body());
        assertThat(order.path("customerId").asString()).isEqualTo("c-7");
        assertThat(order.path("status").asString()).isEqualTo("PENDING");
        assertThat(order.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        JsonNode problem = problem(send("POST", "/orders", "{\"customerId\": \"c-1\", "), 400);
        assertThat(problem.path("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(fields(problem)).containsExactly("body");
        assertThat(problem.path("violations").get(0).path("message").asString()).startsWith("malformed JSON");
    }

    @Test
    void wrongTypesNameTheField() throws Exception {
        JsonNode problem = problem(send("POST", "/orders",
                "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"apple\",\"quantity\":\"many\"}]}"), 400);
        assertThat(fields(problem)).containsExactly("items[0].quantity");
    }

    @Test
    void everyConstraintViolationIsListedAtOnce() throws Exception {
        JsonNode problem = problem(send("POST", "/orders",
                "{\"customerId\":\"\",\"items\":[{\"sku\":\"\",\"quantity\":0}]}"), 400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("customerId", "items[0].sku", "items[0].quantity");
        assertThat(server.getBean(ScriptedOrders.class).calls("createOrder")).isZero();
    }

    @Test
    void badQueryAndPathValuesAreBadRequestsToo() throws Exception {
        JsonNode problem = problem(send("GET", "/customers/c-1/orders?pageSize=lots&status=LOST&placedAfter=yesterday", null), 400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("pageSize", "status", "placedAfter");
        assertThat(problem.path("violations").get(0).path("message").asString()).contains("must be");

        JsonNode pattern = problem(send("GET", "/orders/NOT_LOWER", null), 400);
        assertThat(fields(pattern)).containsExactly("id");
    }

    @Test
    void missingBodyAndBadDeadlineHeaderAreBadRequests() throws Exception {
        assertThat(fields(problem(send("POST", "/orders", null), 400))).containsExactly("body");
        assertThat(fields(problem(send("GET", "/orders/o-1", null, "X-Switchboard-Timeout-Ms", "soon"), 400)))
                .containsExactly("X-Switchboard-Timeout-Ms");
    }

    @Test
    void unknownRoutesAreNotFoundProblems() throws Exception {
        JsonNode problem = problem(send("GET", "/no/such/route", null), 404);
        assertThat(problem.path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void contractErrorsCarryNameCodeDetailsAndTraceId() throws Exception {
        JsonNode problem = problem(send("GET", "/orders/o-404", null,
                "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"), 404);
        assertThat(problem.path("error").asString()).isEqualTo("OrderNotFound");
        assertThat(problem.path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(problem.path("detail").asString()).isEqualTo("order o-404 not found");
        assertThat(problem.path("details").path("id").asString()).isEqualTo("o-404");
        assertThat(problem.path("traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(problem.path("instance").asString()).isEqualTo("/orders/o-404");
    }

    @Test
    void expiredDeadlineIsAnsweredWithoutCallingTheHandler() throws Exception {
        JsonNode problem = problem(send("GET", "/orders/o-1", null, "X-Switchboard-Timeout-Ms", "0"), 504);
        assertThat(problem.path("code").asString()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(server.getBean(ScriptedOrders.class).calls("getOrder")).isZero();
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRejectsADifferentRequest() throws Exception {
        String body = "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"apple\",\"quantity\":1}]}";
        HttpResponse<String> first = send("POST", "/orders", body, "Idempotency-Key", "key-1");
        HttpResponse<String> again = send("POST", "/orders", body, "Idempotency-Key", "key-1");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(server.getBean(ScriptedOrders.class).calls("createOrder")).isEqualTo(1);

        JsonNode conflict = problem(send("POST", "/orders", body.replace("apple", "pear"), "Idempotency-Key", "key-1"), 422);
        assertThat(conflict.path("detail").asString()).contains("key-1");
    }

    @Test
    void serverStreamIsPlainServerSentEvents() throws Exception {
        HttpResponse<String> stream = send("GET", "/orders/watch?customerId=c-3&limit=3", null, "Accept", "text/event-stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = stream.body().lines().filter(line -> line.startsWith("data:")).toList();
        assertThat(data).hasSize(3);
        assertThat(json.readTree(data.get(2).substring("data:".length())).path("id").asString()).isEqualTo("w-3");
    }

    @Test
    void metricsCarryTheSharedKeys() throws Exception {
        send("GET", "/orders/o-404", null);
        String metrics = send("GET", "/actuator/prometheus", null).body();
        assertThat(metrics).containsPattern("switchboard_call_seconds_count\\{[^}]*kind=\"server\"[^}]*operation=\"getOrder\""
                + "[^}]*outcome=\"NOT_FOUND\"[^}]*service=\"Orders\"[^}]*transport=\"rest\"[^}]*} 1");
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        HttpResponse<String> document = send("GET", "/openapi.yaml", null);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3.1").contains("/orders/{id}:");
        assertThat(document.body()).as("the server it was fetched from")
                .contains("servers:\n  - url: '" + base + "'\n");
        assertThat(send("GET", "/openapi/orders.yaml", null).body()).isEqualTo(document.body());
    }

    /**
     * Requests Tomcat itself turns away before any servlet sees them: an encoded slash or NUL in the path, a URL
     * longer than the header limit. Sent over a raw socket, since well-behaved clients refuse to send them.
     */
    @Test
    void containerLevelRejectionsAreProblemsToo() throws Exception {
        for (String target : List.of("/orders/a%2Fb", "/orders/a%00b", "/orders/" + "a".repeat(100_000),
                "/orders/a%5Cb", "/orders/%zz", "/orders/a\\b")) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            String shown = target.length() > 40 ? target.substring(0, 40) + "..." : target;
            assertThat(head).as(shown + "\n" + answer.substring(0, Math.min(answer.length(), 600)))
                    .startsWith("HTTP/1.1 4")
                    .containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = json.readTree(body.contains("{") ? body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1) : "{}");
            assertThat(problem.path("status").asInt()).as(shown).isBetween(400, 499);
            assertThat(problem.path("code").asString()).as(shown).isNotBlank();
        }
    }

    private String raw(String request) throws Exception {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
