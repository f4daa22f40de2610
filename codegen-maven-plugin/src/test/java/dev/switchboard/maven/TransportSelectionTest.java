package dev.switchboard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.Transport;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransportSelectionTest {

    private static final Set<String> REST_STARTER = Set.of("dev.switchboard:switchboard-spring-boot-starter-rest",
            "dev.switchboard:switchboard-spring-boot-starter", "dev.switchboard:switchboard-rest",
            "dev.switchboard:switchboard-runtime", "org.springframework:spring-webmvc");
    private static final Set<String> BOTH = Set.of("dev.switchboard:switchboard-rest", "dev.switchboard:switchboard-grpc",
            "io.grpc:grpc-api");

    @Test
    void withoutConfigurationTheTransportModulesOnTheClassPathDecide() {
        assertThat(TransportSelection.of(null, REST_STARTER))
                .isEqualTo(new TransportSelection(Set.of(Transport.REST), true, List.of()));
        assertThat(TransportSelection.of(List.of(), BOTH).transports()).containsExactlyInAnyOrder(Transport.REST,
                Transport.GRPC);
        assertThat(TransportSelection.of(List.of(" "), Set.of("dev.switchboard:switchboard-grpc")).transports())
                .containsExactly(Transport.GRPC);
        TransportSelection queueOnly = TransportSelection.of(null, Set.of("dev.switchboard:switchboard-nats"));
        assertThat(queueOnly.transports()).isEmpty();
        assertThat(queueOnly.describe()).isEqualTo("none");
    }

    @Test
    void configuredValuesWinOverTheClassPath() {
        TransportSelection grpc = TransportSelection.of(List.of("GRPC"), BOTH);

        assertThat(grpc).isEqualTo(new TransportSelection(Set.of(Transport.GRPC), false, List.of()));
        assertThat(TransportSelection.of(Arrays.asList("grpc", "rest", "grpc"), BOTH).describe()).isEqualTo("rest, grpc");
    }

    @Test
    void unknownValuesAndMissingModulesAreAllReportedWithWhatToWrite() {
        TransportSelection wrong = TransportSelection.of(List.of("soap", "grpc", "rest"), REST_STARTER);

        assertThat(wrong.transports()).isEmpty();
        assertThat(wrong.problems()).containsExactly(
                "Unknown transport 'soap' in <transports> (switchboard.transports): use rest or grpc",
                "Transport grpc is selected in <transports> but dev.switchboard:switchboard-grpc is not on the class "
                        + "path: add dev.switchboard:switchboard-spring-boot-starter-grpc to the dependencies, or leave "
                        + "grpc out of <transports>");
    }
}
