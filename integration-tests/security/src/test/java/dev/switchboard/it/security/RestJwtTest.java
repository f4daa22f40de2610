package dev.switchboard.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST with the security starter: Spring Security's resource server checks tokens against the JWK
 * set the test's issuer serves; the shared server pipeline decides from each operation's scopes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestJwtTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenIssuer issuer;
    private Ledgers.Ledger ledger;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        issuer = new TokenIssuer();
        ledger = Ledgers.start(issuer.resourceServer());
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void validTokenReachesTheHandlerWithItsSubjectAndScopes() throws Exception {
        HttpResponse<String> answer = post("/whoami", "{}", issuer.token("alice", "ledger:read ledger:write"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode identity = JSON.readTree(answer.body());
        assertThat(identity.get("subject").asString()).isEqualTo("alice");
        assertThat(identity.get("scopes").toString()).isEqualTo("[\"ledger:read\",\"ledger:write\"]");
    }

    @Test
    void noTokenOnASecuredOperationIsUnauthenticatedByThePipeline() throws Exception {
        HttpResponse<String> answer = post("/whoami", "{}", null);

        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void expiredTokenIsRefusedByTheFilterAsAProblem() throws Exception {
        HttpResponse<String> answer = post("/whoami", "{}", issuer.expired("alice", "ledger:read"));

        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer").contains("error=\"invalid_token\"").contains("expired");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        HttpResponse<String> answer = post("/whoami", "{}", issuer.forAudience("alice", "ledger:read", "payments"));

        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        HttpResponse<String> answer = post("/whoami", "{}",
                issuer.fromIssuer("alice", "ledger:read", "https://elsewhere.example"));

        assertProblem(answer, 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        assertProblem(post("/whoami", "{}", issuer.forged("alice", "ledger:read")), 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenMissingAScopeIsPermissionDeniedNamingIt() throws Exception {
        HttpResponse<String> answer = post("/entries", "{\"id\":\"e-1\",\"amount\":5}",
                issuer.token("bob", "ledger:read"));

        JsonNode problem = assertProblem(answer, 403, "PERMISSION_DENIED");
        assertThat(problem.get("details").get("missingScopes").asString()).isEqualTo("ledger:write");
    }

    @Test
    void refusalsBySpringSecurityAreCountedInTheCallMetric() throws Exception {
        post("/whoami", "{}", issuer.expired("carol", "ledger:read"));

        MeterRegistry meters = ledger.context().getBean(MeterRegistry.class);
        assertThat(meters.find("switchboard.call").tags("service", "*", "outcome", "UNAUTHENTICATED",
                "transport", "rest").timer()).isNotNull();
    }

    @Test
    void publicOperationHealthAndSpecsNeedNoToken() throws Exception {
        HttpResponse<String> ping = post("/ping", "{}", null);
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ping.body()).get("subject").asString()).isEqualTo("anonymous");

        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void publicOperationStillSeesWhoCalledWhenATokenCame() throws Exception {
        HttpResponse<String> ping = post("/ping", "{}", issuer.token("dave", "ledger:read"));

        assertThat(JSON.readTree(ping.body()).get("subject").asString()).isEqualTo("dave");
    }

    @Test
    void badInputOnASecuredOperationIsABadRequestNeverA500() throws Exception {
        String token = issuer.token("erin", "ledger:write");

        assertProblem(post("/entries", "{\"id\":\"NOT VALID\",\"amount\":0}", token), 400, "INVALID_ARGUMENT");
        assertProblem(post("/entries", "{not json", token), 400, "INVALID_ARGUMENT");
        assertProblem(post("/entries", "{\"amount\":\"many\"}", token), 400, "INVALID_ARGUMENT");
        assertProblem(post("/entries", "{}", "not-a-jwt"), 401, "UNAUTHENTICATED");
        assertProblem(post("/entries", "{}", ""), 401, "UNAUTHENTICATED");
    }

    private JsonNode assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        return problem;
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ledger.httpPort() + path);
    }
}
