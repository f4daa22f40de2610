package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract's security over real gRPC with real RS256 tokens, sent by the generated client as
 * {@code authorization} metadata: no token is UNAUTHENTICATED, a token without the operation's scope
 * PERMISSION_DENIED, and a valid token reaches the handler, which sees the token's subject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.ClientCredentials.class)
class SecurityTest {

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
        TestTokens.trust(properties);
    }

    @Autowired
    ${serviceName}Client client;

    @AfterEach
    void presentEveryScopeAgain() {
        TestTokens.PRESENTED.set(TestTokens.allScopes());
    }

    @Test
    void withoutATokenTheCallIsUnauthenticated() {
        TestTokens.PRESENTED.set(null);

        SwitchboardException refused = catchThrowableOfType(SwitchboardException.class,
                () -> client.getStock(new GetStockRequest("apple")));

        assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() {
        TestTokens.PRESENTED.set(TestTokens.untrusted("mallory", DevTokens.ALL_SCOPES));

        SwitchboardException refused = catchThrowableOfType(SwitchboardException.class,
                () -> client.whoAmI(new WhoAmIRequest(null)));

        assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aTokenMissingTheScopeIsPermissionDenied() {
        TestTokens.PRESENTED.set(TestTokens.token("reader", "${artifactId}:read"));

        SwitchboardException refused = catchThrowableOfType(SwitchboardException.class,
                () -> client.adjustStock(new AdjustStockRequest("apple", 1)));

        assertThat(refused.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(refused.details().toString() + refused.getMessage()).contains("${artifactId}:write");
    }

    @Test
    void aValidTokenReachesTheHandlerWhichSeesItsSubject() {
        TestTokens.PRESENTED.set(TestTokens.token("alice", "${artifactId}:read"));

        Identity identity = client.whoAmI(new WhoAmIRequest(null));

        assertThat(identity.subject()).isEqualTo("alice");
        assertThat(identity.scopes()).containsExactly("${artifactId}:read");
    }
}
