package dev.switchboard.benchmarks.grpc.handwritten;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The hand-written gRPC service behind the same Spring gRPC server (Netty) as the generated one. */
@SpringBootApplication
public class HandWrittenGrpcApplication {

    @Bean
    HandWrittenCatalogService handWrittenCatalogService() {
        return new HandWrittenCatalogService();
    }
}
