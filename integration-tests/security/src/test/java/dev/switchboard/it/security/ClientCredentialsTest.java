package dev.switchboard.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.it.security.ledger.Identity;
import dev.switchboard.it.security.ledger.LedgerClient;
import dev.switchboard.it.security.ledger.WhoAmIRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code client.credentials=client-credentials}: the front ledger obtains a token of its own from
 * the test's token endpoint (OAuth2 client credentials) and keeps it until shortly before it
 * expires; it works outside any web request too (as in a message handler).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCredentialsTest {

    private TokenIssuer issuer;
    private Ledgers.Ledger downstream;
    private Ledgers.Ledger overRest;
    private Ledgers.Ledger overGrpc;
    private Ledgers.Ledger refusedOverRest;
    private Ledgers.Ledger refusedOverGrpc;

    @BeforeAll
    void start() throws Exception {
        issuer = new TokenIssuer();
        issuer.register("front-ledger", "s3cret", "ledger:read");
        downstream = Ledgers.start(issuer.resourceServer());
        overRest = Ledgers.start(front(Map.of("switchboard.services.ledger.client.base-url",
                "http://127.0.0.1:" + downstream.httpPort())));
        overGrpc = Ledgers.start(front(Map.of("switchboard.services.ledger.client.transport", "grpc",
                "switchboard.services.ledger.client.address", downstream.grpcAddress())));
        String wrongSecret = "spring.security.oauth2.client.registration.ledger.client-secret";
        refusedOverRest = Ledgers.start(front(Map.of("switchboard.services.ledger.client.base-url",
                "http://127.0.0.1:" + downstream.httpPort(), wrongSecret, "wrong")));
        refusedOverGrpc = Ledgers.start(front(Map.of("switchboard.services.ledger.client.transport", "grpc",
                "switchboard.services.ledger.client.address", downstream.grpcAddress(), wrongSecret, "wrong")));
    }

    private Map<String, String> front(Map<String, String> client) {
        Map<String, String> properties = new HashMap<>(issuer.resourceServer());
        properties.put("switchboard.services.ledger.client.credentials", "client-credentials");
        properties.put("switchboard.services.ledger.client.registration", "ledger");
        String registration = "spring.security.oauth2.client.registration.ledger.";
        properties.put(registration + "client-id", "front-ledger");
        properties.put(registration + "client-secret", "s3cret");
        properties.put(registration + "authorization-grant-type", "client_credentials");
        properties.put(registration + "scope", "ledger:read");
        properties.put("spring.security.oauth2.client.provider.ledger.token-uri", issuer.issuer() + "/token");
        properties.putAll(client);
        return properties;
    }

    @AfterAll
    void stop() {
        for (Ledgers.Ledger ledger : new Ledgers.Ledger[] {refusedOverGrpc, refusedOverRest, overGrpc, overRest,
                downstream}) {
            if (ledger != null) {
                ledger.close();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void restClientCallsWithItsOwnTokenObtainedOnce() throws Exception {
        assertCallsAsItself(overRest);
    }

    @Test
    void grpcClientCallsWithItsOwnTokenObtainedOnce() throws Exception {
        assertCallsAsItself(overGrpc);
    }

    @Test
    void aRefusedClientFailsItsCallsUnauthenticatedAndAsksOncePerCall() {
        for (Ledgers.Ledger front : new Ledgers.Ledger[] {refusedOverRest, refusedOverGrpc}) {
            int asked = issuer.tokenRequests();
            LedgerClient client = front.context().getBean(LedgerClient.class);

            SwitchboardException refused = catchThrowableOfType(SwitchboardException.class,
                    () -> client.whoAmI(new WhoAmIRequest(null)));

            assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refused.getMessage()).contains("registration ledger");
            assertThat(issuer.tokenRequests() - asked).isEqualTo(1);
        }
    }

    private void assertCallsAsItself(Ledgers.Ledger front) throws Exception {
        int granted = issuer.tokensGranted();
        for (int call = 0; call < 3; call++) {
            HttpResponse<String> answer = Http.post(front, "/relay", "{}", issuer.token("alice", "ledger:relay"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(Http.json(answer).get("subject").asString()).isEqualTo("front-ledger");
        }
        // Outside any web request, on the test's own thread: a message handler's situation.
        Identity direct = front.context().getBean(LedgerClient.class).whoAmI(new WhoAmIRequest(null));
        assertThat(direct.subject()).isEqualTo("front-ledger");
        assertThat(direct.scopes()).containsExactly("ledger:read");
        assertThat(issuer.tokensGranted() - granted).isEqualTo(1);
    }
}
