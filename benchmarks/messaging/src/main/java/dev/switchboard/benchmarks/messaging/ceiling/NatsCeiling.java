package dev.switchboard.benchmarks.messaging.ceiling;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * JetStream with nothing but jnats on the same server: 100-byte messages published asynchronously with at most 500
 * unacknowledged, a file-backed stream, a durable pull consumer read by two threads in batches of 100, each message
 * acknowledged explicitly, as the pair's guarantees need. No payload encoding, no envelope: the floor under both
 * sides of the pair, in the spirit of {@code nats bench js}.
 */
public final class NatsCeiling {

    private static final String SUBJECT = "bench.ceiling";
    private static final String STREAM = "bench_ceiling";

    private NatsCeiling() {}

    public static String measure(String url, int messages) throws Exception {
        try (Connection connection = Nats.connect(url)) {
            JetStreamManagement management = connection.jetStreamManagement();
            try {
                management.deleteStream(STREAM);
            } catch (JetStreamApiException absent) {
                // First run on this server.
            }
            management.addStream(StreamConfiguration.builder().name(STREAM).subjects(SUBJECT)
                    .storageType(StorageType.File).build());
            management.addOrUpdateConsumer(STREAM, ConsumerConfiguration.builder().durable("ceiling")
                    .filterSubject(SUBJECT).ackPolicy(AckPolicy.Explicit).build());
            JetStream jetStream = connection.jetStream();
            CountDownLatch remaining = new CountDownLatch(messages);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread worker = new Thread(() -> consume(jetStream, remaining), "nats-ceiling-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
            byte[] body = new byte[100];
            Semaphore unacknowledged = new Semaphore(500);
            long started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                unacknowledged.acquire();
                jetStream.publishAsync(SUBJECT, body).whenComplete((ack, failure) -> unacknowledged.release());
            }
            double published = (System.nanoTime() - started) / 1e9;
            if (!remaining.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every message arrived");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            workers.forEach(Thread::interrupt);
            management.deleteStream(STREAM);
            return String.format(Locale.ROOT, "jnats minimal loop: %d messages, published %.0f/s, through %.0f/s",
                    messages, messages / published, messages / seconds);
        }
    }

    private static void consume(JetStream jetStream, CountDownLatch remaining) {
        try {
            JetStreamSubscription pull = jetStream.subscribe(SUBJECT, PullSubscribeOptions.bind(STREAM, "ceiling"));
            while (remaining.getCount() > 0) {
                for (Message message : pull.fetch(100, Duration.ofMillis(200))) {
                    message.ack();
                    remaining.countDown();
                }
            }
        } catch (Exception stopped) {
            // Interrupted once every message arrived, or the connection closed.
        }
    }
}
