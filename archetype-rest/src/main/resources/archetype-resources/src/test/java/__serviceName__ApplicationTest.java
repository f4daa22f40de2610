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
#if( $security == "jwt" )
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
#end
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running service over real HTTP on a random port: every route, its errors, health and metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ${serviceName}ApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${symbol_dollar}{local.server.port}")
    int port;
#if( $security == "jwt" )

    @DynamicPropertySource
    static void trustTheTestKey(DynamicPropertyRegistry properties) {
        TestTokens.trust(properties);
    }
#end

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
#if( $security == "jwt" )
        request.header("Authorization", "Bearer " + TestTokens.allScopes());
#end
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itemsAreCreatedReadListedAndDeleted() throws Exception {
        HttpResponse<String> created = send("POST", "/items", "{\"name\": \"apple\", \"quantity\": 3}");
        assertThat(created.statusCode()).isEqualTo(200);
        String id = json.readTree(created.body()).get("id").asString();

        JsonNode found = json.readTree(send("GET", "/items/" + id, null).body());
        assertThat(found.get("name").asString()).isEqualTo("apple");
        assertThat(found.get("quantity").asInt()).isEqualTo(3);
        assertThat(send("GET", "/items", null).body()).contains(id);

        assertThat(send("DELETE", "/items/" + id, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/items/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aMissingItemIsA404ProblemNamingTheContractError() throws Exception {
        HttpResponse<String> missing = send("GET", "/items/nope", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(missing.body());
        assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(problem.get("error").asString()).isEqualTo("ItemNotFound");
    }

    @Test
    void anInvalidRequestIsA400ListingEveryViolation() throws Exception {
        HttpResponse<String> invalid = send("POST", "/items", "{\"name\": \"\", \"quantity\": -1}");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("name", "quantity");
    }

    @Test
    void healthIsUpAndCallsAreMeasuredWithTheSharedKeys() throws Exception {
        send("POST", "/items", "{\"name\": \"pear\", \"quantity\": 1}");

        assertThat(send("GET", "/actuator/health", null).body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/prometheus", null).body())
                .contains("switchboard_call_seconds_count{")
                .contains("operation=\"createItem\"", "transport=\"rest\"", "kind=\"server\"");
    }
}
