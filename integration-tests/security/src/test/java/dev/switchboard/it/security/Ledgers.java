package dev.switchboard.it.security;

import dev.switchboard.it.security.ledger.LedgerApplication;
import dev.switchboard.it.security.ledger.RecordingLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/** Starts Ledger services (HTTP and gRPC on random ports) as separate Spring contexts. */
final class Ledgers {

    private Ledgers() {}

    static Ledger start(Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "server.port", "0", "spring.grpc.server.port", "0", "spring.main.banner-mode", "off",
                "spring.application.name", "ledger"));
        properties.putAll(extra);
        List<String> lines = new ArrayList<>();
        properties.forEach((key, value) -> lines.add(key + "=" + value));
        AtomicInteger grpcPort = new AtomicInteger();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .properties(lines.toArray(String[]::new))
                .listeners(event -> {
                    if (event instanceof GrpcServerStartedEvent started) {
                        grpcPort.set(started.getPort());
                    }
                })
                .run();
        return new Ledger(context, grpcPort.get());
    }

    record Ledger(ConfigurableApplicationContext context, int grpcPort) implements AutoCloseable {

        int httpPort() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        String grpcAddress() {
            return "127.0.0.1:" + grpcPort;
        }

        RecordingLedger ledger() {
            return context.getBean(RecordingLedger.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
