#set( $symbol_dollar = '$' )
package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
#if( $broker == "kafka" )
import org.springframework.kafka.test.context.EmbeddedKafka;
#end

/**
 * The running service on the ${broker} broker#if( $broker == "kafka" ) (a real in-process KRaft broker)#elseif( $broker != "embedded" ) (the real server on localhost)#end:
 * a command is handled, the shipment it records and the event it publishes commit together (through
 * the outbox, in the embedded H2 database), the event reaches the subscriber, and both are measured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
#if( $broker == "kafka" )
        "spring.kafka.bootstrap-servers=${symbol_dollar}{spring.embedded.kafka.brokers}",
#end
        "spring.application.name=${artifactId}-test"})
#if( $broker == "kafka" )
@EmbeddedKafka(partitions = 3)
#end
class ${serviceName}ApplicationTest {

    @Autowired
    ${serviceName}Commands commands;

    @Autowired
    ShipmentLog log;

    @Autowired
    JdbcClient jdbc;

    @Value("${symbol_dollar}{local.server.port}")
    int httpPort;

    @Test
    void aShippedOrderIsAnnouncedToSubscribers() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        commands.shipOrder(new ShipOrder(orderId, "1 Main Street")).get(10, TimeUnit.SECONDS);

        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (log.trackingNumber(orderId).isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(log.trackingNumber(orderId)).hasValueSatisfying(number -> assertThat(number).startsWith("TRK-"));
        assertThat(jdbc.sql("SELECT tracking_number FROM shipments WHERE order_id = ?").param(orderId)
                .query(String.class).optional()).isEqualTo(log.trackingNumber(orderId));
    }

    @Test
    void healthIsUpAndMessagesAreMeasuredWithTheSharedKeys() throws Exception {
        aShippedOrderIsAnnouncedToSubscribers();
        HttpClient http = HttpClient.newHttpClient();
        String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(metrics).contains("operation=\"orderShipped\"", "kind=\"producer\"", "kind=\"consumer\"",
                "transport=\"${broker}\"");
    }
}
