#set( $symbol_dollar = '$' )
package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's security over real HTTP with real RS256 tokens: no token is a 401, a token without the
 * operation's scope a 403, and a valid token reaches the handler, which sees the token's subject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${symbol_dollar}{local.server.port}")
    int port;

    @DynamicPropertySource
    static void trustTheTestKey(DynamicPropertyRegistry properties) {
        TestTokens.trust(properties);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutATokenTheCallIs401() throws Exception {
        HttpResponse<String> refused = send("GET", "/items", null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aTokenMissingTheScopeIs403NamingIt() throws Exception {
        String readOnly = TestTokens.token("reader", "${artifactId}:read");

        assertThat(send("GET", "/items", readOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("DELETE", "/items/some-item", readOnly);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("${artifactId}:write");
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        String forged = TestTokens.untrusted("mallory", DevTokens.ALL_SCOPES);

        assertThat(send("GET", "/items", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aValidTokenReachesTheHandlerWhichSeesItsSubject() throws Exception {
        HttpResponse<String> answer = send("POST", "/whoami", TestTokens.token("alice", "${artifactId}:read"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode identity = json.readTree(answer.body());
        assertThat(identity.get("subject").asString()).isEqualTo("alice");
        assertThat(identity.get("scopes").get(0).asString()).isEqualTo("${artifactId}:read");
    }
}
