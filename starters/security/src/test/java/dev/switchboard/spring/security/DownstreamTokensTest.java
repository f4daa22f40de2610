package dev.switchboard.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.security.Caller;
import dev.switchboard.spring.SwitchboardProperties;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DownstreamTokensTest {

    private static final OperationDescriptor OPERATION = OperationDescriptor.unary("Front", "relay", null);

    @Test
    void forwardSendsTheCurrentCallersTokenAndNothingOutsideACall() {
        DownstreamTokens tokens = new DownstreamTokens(properties("forward", null), () -> null);
        Caller alice = new Caller("alice", Set.of("a"), Map.of(), Optional.of("alice-token"));

        try (CallContext.Scope call = CallContext.enter(OPERATION, null, alice)) {
            assertThat(tokens.bearerToken("Ledger")).hasValue("alice-token");
        }
        assertThat(tokens.bearerToken("Ledger")).isEmpty();
    }

    @Test
    void noneAndUnconfiguredServicesSendNothing() {
        assertThat(new DownstreamTokens(properties("none", null), () -> null).bearerToken("Ledger")).isEmpty();
        assertThat(new DownstreamTokens(properties("forward", null), () -> null).bearerToken("Other")).isEmpty();
    }

    @Test
    void clientCredentialsWithoutARegistrationSaysWhatToSet() {
        DownstreamTokens tokens = new DownstreamTokens(properties("client-credentials", null), () -> null);

        assertThatThrownBy(() -> tokens.bearerToken("Ledger"))
                .hasMessageContaining("switchboard.services.ledger.client.registration is not set");
    }

    @Test
    void anUnknownModeSaysWhatToWrite() {
        DownstreamTokens tokens = new DownstreamTokens(properties("kerberos", null), () -> null);

        assertThatThrownBy(() -> tokens.bearerToken("Ledger"))
                .hasMessageContaining("none, forward or client-credentials");
    }

    private static SwitchboardProperties properties(String credentials, String registration) {
        SwitchboardProperties properties = new SwitchboardProperties();
        SwitchboardProperties.Service ledger = new SwitchboardProperties.Service();
        ledger.getClient().setCredentials(credentials);
        ledger.getClient().setRegistration(registration);
        properties.getServices().put("ledger", ledger);
        return properties;
    }
}
