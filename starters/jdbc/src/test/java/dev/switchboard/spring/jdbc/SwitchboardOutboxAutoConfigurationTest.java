package dev.switchboard.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.switchboard.jdbc.outbox.JdbcOutbox;
import dev.switchboard.runtime.messaging.EmbeddedBroker;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.MessagePublisher;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.PolicyDefaults;
import dev.switchboard.runtime.protobuf.ProtoCodec;
import dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter's wiring on an embedded H2 database and on the local PostgreSQL: with
 * {@code switchboard.messaging.outbox=jdbc} the publisher writes to the outbox table in the
 * application's transaction and the relay delivers over the embedded broker to a subscribed
 * listener; without it the publisher sends directly, as before.
 */
class SwitchboardOutboxAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    SwitchboardOutboxAutoConfiguration.class, SwitchboardMessagingAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.datasource.generate-unique-name=true");

    @Test
    void withTheOutboxOnAPublishIsWrittenInTheTransactionAndRelayedToAListenerOnH2() {
        runner.withPropertyValues("switchboard.messaging.outbox=jdbc", "switchboard.jdbc.outbox.table=" + table())
                .run(context -> publishesThroughTheOutbox(context.getBean(MessagePublisher.class),
                        context.getBean(TransactionTemplate.class), context.getBean(JdbcTemplate.class),
                        context.getEnvironment().getProperty("switchboard.jdbc.outbox.table"),
                        context.getBean(MeterRegistry.class)));
    }

    @Test
    void withTheOutboxOnAPublishIsWrittenInTheTransactionAndRelayedToAListenerOnPostgresql() {
        String table = table();
        runner.withPropertyValues("switchboard.messaging.outbox=jdbc", "switchboard.jdbc.outbox.table=" + table,
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test", "spring.datasource.username=postgres")
                .run(context -> {
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                    try {
                        publishesThroughTheOutbox(context.getBean(MessagePublisher.class),
                                context.getBean(TransactionTemplate.class), jdbc, table,
                                context.getBean(MeterRegistry.class));
                    } finally {
                        jdbc.execute("DROP TABLE IF EXISTS " + table);
                        jdbc.execute("DROP TABLE IF EXISTS " + table + "_partitions");
                    }
                });
    }

    @Test
    void withInitializeSchemaNeverTheTablesAreLeftToTheApplicationsMigrations() {
        String table = table();
        runner.withPropertyValues("switchboard.messaging.outbox=jdbc", "switchboard.jdbc.outbox.table=" + table,
                "switchboard.jdbc.initialize-schema=never")
                .run(context -> {
                    assertThat(context).hasSingleBean(JdbcOutbox.class);
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM "
                            + "INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = ?", Integer.class, table)).isZero();
                });
    }

    @Test
    void withoutTheOutboxThePublisherSendsDirectly() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(JdbcOutbox.class);
            String destination = "outbox-off-" + UUID.randomUUID();
            List<Message> received = listen(context.getBean(MessageTransport.class), destination);
            MessagePublisher publisher = context.getBean(MessagePublisher.class);

            publisher.publish(descriptor(destination), Map.of("id", "o-1"), "o-1").get(10, TimeUnit.SECONDS);

            awaitOne(received);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM "
                    + "INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'switchboard_outbox%'", Integer.class))
                    .isZero();
        });
    }

    private static void publishesThroughTheOutbox(MessagePublisher publisher, TransactionTemplate transactions,
            JdbcTemplate jdbc, String table, MeterRegistry meters) throws Exception {
        String destination = "outbox-on-" + UUID.randomUUID();
        List<Message> received = listen(EmbeddedBroker.shared(), destination);

        CompletableFuture<Void> published = transactions.execute(status -> {
            CompletableFuture<Void> future = publisher.publish(descriptor(destination), Map.of("id", "o-1"), "o-1");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).isEqualTo(1);
            assertThat(future.join()).as("joined inside the transaction").isNull();
            return future;
        });
        published.get(10, TimeUnit.SECONDS);

        awaitOne(received);
        assertThat(received.get(0).subject()).isEqualTo("o-1");
        assertThat(new String(received.get(0).payload())).isEqualTo("{\"id\":\"o-1\"}");
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (meters.find("switchboard.outbox.sent").counters().stream().mapToDouble(c -> c.count()).sum() < 1
                && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(meters.get("switchboard.outbox.sent").tag("service", "Orders").tag("transport", "embedded")
                .counter().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT event_id FROM " + table + " WHERE sent_at IS NOT NULL", String.class))
                .isEqualTo(received.get(0).id());
    }

    private static List<Message> listen(MessageTransport transport, String destination) {
        List<Message> received = new CopyOnWriteArrayList<>();
        transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "listener",
                (message, delivery) -> received.add(message), PolicyDefaults.RETRY, destination + ".dlq", 1));
        return received;
    }

    private static void awaitOne(List<Message> received) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(received).hasSize(1);
    }

    private static String table() {
        return "outbox_s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static MessageDescriptor descriptor(String destination) {
        return new MessageDescriptor("Orders", "orderCreated", MessageDescriptor.Kind.EVENT,
                "com.example.orders.orderCreated", destination, destination + ".dlq", PolicyDefaults.RETRY,
                new ProtoCodec<Object>() {
                    @Override
                    public void write(Object value, CodedOutputStream out) {
                        throw new UnsupportedOperationException("JSON payloads");
                    }

                    @Override
                    public int size(Object value) {
                        throw new UnsupportedOperationException("JSON payloads");
                    }

                    @Override
                    public Object read(CodedInputStream in) {
                        throw new UnsupportedOperationException("JSON payloads");
                    }
                });
    }
}
