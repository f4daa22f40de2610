package dev.switchboard.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * {@code client.credentials=forward}: the front ledger's generated client (REST, then gRPC) sends
 * its caller's own token to the downstream ledger, which sees the same subject. Refusals downstream
 * (401, 403) come back once: they are never retried, although the contract retries up to 3 times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenForwardingTest {

    private TokenIssuer issuer;
    private Ledgers.Ledger downstream;
    private Ledgers.Ledger overRest;
    private Ledgers.Ledger overGrpc;
    private Ledgers.Ledger withoutCredentials;

    @BeforeAll
    void start() throws Exception {
        issuer = new TokenIssuer();
        downstream = Ledgers.start(issuer.resourceServer());
        overRest = Ledgers.start(front(Map.of("switchboard.services.ledger.client.base-url",
                "http://127.0.0.1:" + downstream.httpPort(),
                "switchboard.services.ledger.client.credentials", "forward")));
        overGrpc = Ledgers.start(front(Map.of("switchboard.services.ledger.client.transport", "grpc",
                "switchboard.services.ledger.client.address", downstream.grpcAddress(),
                "switchboard.services.ledger.client.credentials", "forward")));
        withoutCredentials = Ledgers.start(front(Map.of("switchboard.services.ledger.client.base-url",
                "http://127.0.0.1:" + downstream.httpPort())));
    }

    private Map<String, String> front(Map<String, String> client) {
        Map<String, String> properties = new HashMap<>(issuer.resourceServer());
        properties.putAll(client);
        return properties;
    }

    @AfterAll
    void stop() {
        for (Ledgers.Ledger ledger : new Ledgers.Ledger[] {withoutCredentials, overGrpc, overRest, downstream}) {
            if (ledger != null) {
                ledger.close();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void restClientForwardsTheCallersToken() throws Exception {
        assertRelayed(overRest);
    }

    @Test
    void grpcClientForwardsTheCallersToken() throws Exception {
        assertRelayed(overGrpc);
    }

    private void assertRelayed(Ledgers.Ledger front) throws Exception {
        HttpResponse<String> answer = Http.post(front, "/relay", "{}",
                issuer.token("alice", "ledger:relay ledger:read"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode identity = Http.json(answer);
        assertThat(identity.get("subject").asString()).isEqualTo("alice");
        assertThat(identity.get("via").asString()).isEqualTo("relayed by alice");
    }

    @Test
    void downstreamRefusalsAreNeverRetried() throws Exception {
        double unauthenticated = downstreamCalls("UNAUTHENTICATED");
        HttpResponse<String> noToken = Http.post(withoutCredentials, "/relay", "{}",
                issuer.token("bob", "ledger:relay"));
        assertThat(Http.json(noToken).get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(downstreamCalls("UNAUTHENTICATED")).isEqualTo(unauthenticated + 1);

        double denied = downstreamCalls("PERMISSION_DENIED");
        HttpResponse<String> noScope = Http.post(overRest, "/relay", "{}", issuer.token("bob", "ledger:relay"));
        assertThat(Http.json(noScope).get("code").asString()).isEqualTo("PERMISSION_DENIED");
        assertThat(downstreamCalls("PERMISSION_DENIED")).isEqualTo(denied + 1);
    }

    private double downstreamCalls(String outcome) {
        Timer timer = downstream.context().getBean(MeterRegistry.class).find("switchboard.call")
                .tags("operation", "whoAmI", "kind", "server", "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
