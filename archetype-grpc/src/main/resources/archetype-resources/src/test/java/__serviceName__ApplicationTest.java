#set( $symbol_dollar = '$' )
package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.stream.BidiCall;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.runtime.validation.ValidationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
#if( $security == "jwt" )
import org.springframework.context.annotation.Import;
#end
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service called through the generated {@link ${serviceName}Client} over real gRPC
 * (Netty on a free port): all four call shapes, contract errors, validation, health and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
#if( $security == "jwt" )
@Import(TestTokens.ClientCredentials.class)
#end
class ${serviceName}ApplicationTest {

    @DynamicPropertySource
    static void grpcOnAFreePort(DynamicPropertyRegistry properties) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int grpcPort = port;
        properties.add("spring.grpc.server.port", () -> grpcPort);
        properties.add("switchboard.services.${serviceName}.client.transport", () -> "grpc");
        properties.add("switchboard.services.${serviceName}.client.address", () -> "127.0.0.1:" + grpcPort);
#if( $security == "jwt" )
        TestTokens.trust(properties);
#end
    }

    @Autowired
    ${serviceName}Client client;

    @Value("${symbol_dollar}{local.server.port}")
    int httpPort;

    @Test
    void unaryCallsAndContractErrors() {
        assertThat(client.adjustStock(new AdjustStockRequest("apple", 5)).quantity()).isEqualTo(5);
        assertThat(client.getStock(new GetStockRequest("apple")).quantity()).isEqualTo(5);
        assertThatThrownBy(() -> client.getStock(new GetStockRequest("kiwi")))
                .isInstanceOf(UnknownSkuException.class).extracting("code").isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> client.adjustStock(new AdjustStockRequest("apple", -50)))
                .isInstanceOf(NotEnoughStockException.class);
        assertThatThrownBy(() -> client.getStock(new GetStockRequest("NOT VALID")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theThreeStreamingShapes() {
        assertThat(client.importStock(List.of(new AdjustStockRequest("pear", 2), new AdjustStockRequest("plum", 4)))
                .imported()).isEqualTo(2);

        List<Integer> levels = new ArrayList<>();
        try (StreamSource<StockLevel> watched = client.watchStock(new WatchStockRequest(List.of("pear", "plum")))) {
            watched.forEach(level -> levels.add(level.quantity()));
        }
        assertThat(levels).containsExactly(2, 4);

        try (BidiCall<GetStockRequest, StockLevel> check = client.checkStock()) {
            Iterator<StockLevel> answers = check.responses().iterator();
            check.send(new GetStockRequest("plum"));
            assertThat(answers.next().quantity()).isEqualTo(4);
            check.complete();
            assertThat(answers.hasNext()).isFalse();
        }
    }

    @Test
    void healthIsUpAndCallsAreMeasuredWithTheSharedKeys() throws Exception {
        client.adjustStock(new AdjustStockRequest("fig", 1));
        HttpClient http = HttpClient.newHttpClient();
        String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(metrics).contains("switchboard_call_seconds_count{")
                .contains("operation=\"adjustStock\"", "transport=\"grpc\"", "kind=\"server\"", "kind=\"client\"");
    }
}
