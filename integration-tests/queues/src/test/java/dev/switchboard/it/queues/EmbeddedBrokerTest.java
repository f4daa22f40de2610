package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.queues.publisher.PublisherApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The in-JVM broker every application of the JVM shares when none is configured. */
class EmbeddedBrokerTest extends QueueScenarios {

    @Override
    Map<String, String> broker() {
        return Map.of();
    }

    @Test
    void aPublishingWebServiceServesItsAsyncApiDocument() throws Exception {
        try (ConfigurableApplicationContext web = new SpringApplicationBuilder(PublisherApplication.class)
                .properties("server.port=0", "spring.grpc.server.port=0", "spring.main.banner-mode=off")
                .run()) {
            String port = web.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/asyncapi.yaml")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("asyncapi: 3.0", "it.orders.placed", "it.inventory.reserve");
        }
    }
}
