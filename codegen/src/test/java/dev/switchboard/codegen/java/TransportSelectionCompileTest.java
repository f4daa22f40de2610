package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.RichContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roles × transports: each selection generates only its transports' code, and that code compiles
 * (under {@code -Xlint:all}, no warnings) against the test classpath stripped of every other
 * transport's modules.
 */
class TransportSelectionCompileTest {

    private static final String PACKAGE = "com/example/orders/";

    @Test
    void aRestOnlyBuildGeneratesNoGrpcCodeAndCompilesWithoutGrpc() {
        TransportSelections.Selection rest = TransportSelections.restOnly();

        assertThat(rest.sourcePaths())
                .contains(PACKAGE + "OrdersRestController.java", PACKAGE + "OrdersRestClient.java",
                        PACKAGE + "OrdersRestConfiguration.java", PACKAGE + "OrdersMessagingConfiguration.java")
                .noneMatch(path -> path.contains("Grpc"));
        assertThat(resources(rest)).containsExactlyInAnyOrder(
                "META-INF/switchboard/orders/orders.proto", "META-INF/switchboard/orders/openapi.yaml",
                "META-INF/switchboard/orders/asyncapi.yaml", SPRING_IMPORTS, DASHBOARD, RULES);
        assertThat(content(rest, SPRING_IMPORTS)).isEqualTo(
                "com.example.orders.OrdersMessagingConfiguration\ncom.example.orders.OrdersRestConfiguration\n");
        assertCompiles(rest);
    }

    @Test
    void aGrpcOnlyBuildGeneratesNoRestCodeNorOpenApiAndCompilesWithoutSpringWeb() {
        TransportSelections.Selection grpc = TransportSelections.grpcOnly();

        assertThat(grpc.sourcePaths())
                .contains(PACKAGE + "OrdersGrpc.java", PACKAGE + "OrdersGrpcService.java",
                        PACKAGE + "OrdersGrpcClient.java", PACKAGE + "OrdersGrpcConfiguration.java")
                .noneMatch(path -> path.contains("Rest"));
        assertThat(resources(grpc)).containsExactlyInAnyOrder(
                "META-INF/switchboard/orders/orders.proto", "META-INF/switchboard/orders/asyncapi.yaml", SPRING_IMPORTS,
                DASHBOARD, RULES);
        assertCompiles(grpc);
    }

    @Test
    void aQueueOnlyBuildGeneratesMessagingThatNeedsNeitherTransport() {
        TransportSelections.Selection queue = TransportSelections.queueOnly();

        assertThat(queue.sourcePaths())
                .contains(PACKAGE + "OrdersEvents.java", PACKAGE + "OrdersEventsHandler.java", PACKAGE + "Order.java")
                .noneMatch(path -> path.contains("Rest") || path.contains("Grpc") || path.endsWith("Client.java")
                        || path.endsWith("Operations.java"));
        assertCompiles(queue);
    }

    @Test
    void theClientInterfaceOffersWhatEveryClientTransportCarries() {
        String both = content(RichContract.files(), PACKAGE + "OrdersClient.java");
        String restOnly = content(TransportSelections.restOnly().files(), PACKAGE + "OrdersClient.java");
        String grpcOnly = content(TransportSelections.grpcOnly().files(), PACKAGE + "OrdersClient.java");

        // REST carries what has an http binding; gRPC everything. With both, the interface is the common part.
        assertThat(both).isEqualTo(restOnly).contains("watchOrders(").doesNotContain("importOrders(", "trackOrders(",
                "echoScalars(");
        assertThat(grpcOnly).contains("watchOrders(", "importOrders(", "trackOrders(", "echoScalars(");
        assertThat(content(TransportSelections.grpcOnly().files(), PACKAGE + "OrdersGrpcClient.java"))
                .doesNotContain("Besides");
    }

    private static final String SPRING_IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    private static final String DASHBOARD = "META-INF/switchboard/orders/grafana-dashboard.json";
    private static final String RULES = "META-INF/switchboard/orders/prometheus-rules.yaml";

    private static void assertCompiles(TransportSelections.Selection selection) {
        InProcessCompiler.Result result = selection.compile();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        assertThat(result.success()).isTrue();
    }

    private static List<String> resources(TransportSelections.Selection selection) {
        return selection.files().stream().filter(file -> file.kind() == GeneratedFile.Kind.RESOURCE)
                .map(GeneratedFile::relativePath).toList();
    }

    private static String content(TransportSelections.Selection selection, String path) {
        return content(selection.files(), path);
    }

    static String content(List<GeneratedFile> files, String path) {
        return files.stream().filter(file -> file.relativePath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not generated: " + path)).content();
    }
}
