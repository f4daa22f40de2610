package dev.switchboard.runtime.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * An in-JVM broker, the default when no broker is configured, so a service runs with no setup.
 * Each destination keeps a bounded log; every consumer group of a publish-subscribe destination
 * gets each message, starting from the retained log when it first subscribes (like a new Kafka
 * group reading from the earliest offset), and the instances of a group share them; a
 * point-to-point destination is one queue. A failed delivery is retried after a backoff (never
 * at once), then dead-lettered; the message behind it does not wait. Nothing survives the JVM.
 *
 * <p>An ordered subscription's group shares one {@link KeyOrderedQueue} instead: whichever instance
 * and worker takes a message, no other takes a later one of its key until it is finished, and a
 * failure is retried in place by the {@link DeliveryLoop}, so each key is handled in publish order.
 */
public final class EmbeddedBroker implements MessageTransport {

    /** Messages kept per destination for groups that subscribe later. */
    static final int RETAINED = 10_000;

    private static final String QUEUE_GROUP = "";

    private static final EmbeddedBroker SHARED = new EmbeddedBroker();

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ScheduledExecutorService redelivery = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "switchboard-embedded-redelivery");
        thread.setDaemon(true);
        return thread;
    });
    private final OpenConsumers consumers = new OpenConsumers();
    private final AtomicInteger threads = new AtomicInteger();

    /**
     * The broker every application in this JVM shares when none is configured, so several services
     * started side by side (a sample, a test) talk to each other as they would through a real one.
     */
    public static EmbeddedBroker shared() {
        return SHARED;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        channel(destination).publish(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        String group = subscription.mode() == Subscription.Mode.POINT_TO_POINT ? QUEUE_GROUP : subscription.group();
        Channel channel = channel(subscription.destination());
        Consumer consumer = subscription.ordered()
                ? new Consumer(subscription, null, channel.orderedQueue(group))
                : new Consumer(subscription, channel.queue(group), null);
        consumer.start();
        return consumers.add(consumer::close);
    }

    /** Stops every consumer after its in-flight handlers finish. */
    @Override
    public void close() {
        consumers.closeAll();
        redelivery.shutdownNow();
    }

    private Channel channel(String destination) {
        return channels.computeIfAbsent(destination, name -> new Channel());
    }

    private record Envelope(Message message, int attempt) {}

    /** One destination: its retained log and one queue per consumer group. */
    private static final class Channel {
        private final Deque<Message> log = new ArrayDeque<>();
        private final Map<String, BlockingQueue<Envelope>> groups = new ConcurrentHashMap<>();
        private final Map<String, KeyOrderedQueue<Envelope>> orderedGroups = new ConcurrentHashMap<>();

        synchronized void publish(Message message) {
            log.addLast(message);
            if (log.size() > RETAINED) {
                log.removeFirst();
            }
            groups.values().forEach(queue -> queue.add(new Envelope(message, 1)));
            orderedGroups.values().forEach(queue -> putUnbounded(queue, new Envelope(message, 1)));
        }

        synchronized KeyOrderedQueue<Envelope> orderedQueue(String group) {
            return orderedGroups.computeIfAbsent(group, name -> {
                KeyOrderedQueue<Envelope> queue = new KeyOrderedQueue<>(Integer.MAX_VALUE);
                log.forEach(message -> putUnbounded(queue, new Envelope(message, 1)));
                return queue;
            });
        }

        /** An unbounded queue never waits, like the unordered groups' queues. */
        private static void putUnbounded(KeyOrderedQueue<Envelope> queue, Envelope envelope) {
            try {
                queue.put(envelope.message().subject(), envelope);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }

        synchronized BlockingQueue<Envelope> queue(String group) {
            return groups.computeIfAbsent(group, name -> {
                BlockingQueue<Envelope> queue = new LinkedBlockingQueue<>();
                log.forEach(message -> queue.add(new Envelope(message, 1)));
                return queue;
            });
        }
    }

    /** The worker threads of one subscription, each handing what it takes to the {@link DeliveryLoop}. */
    private final class Consumer implements DeliveryHooks<Envelope> {
        private final Subscription subscription;
        private final BlockingQueue<Envelope> queue;
        private final KeyOrderedQueue<Envelope> orderedQueue;
        private final DeliveryLoop<Envelope> loop;
        private final WorkerThreads workers;

        /** Takes from {@code queue}, or from the group's {@code orderedQueue} when the subscription is ordered. */
        Consumer(Subscription subscription, BlockingQueue<Envelope> queue, KeyOrderedQueue<Envelope> orderedQueue) {
            this.subscription = subscription;
            this.queue = queue;
            this.orderedQueue = orderedQueue;
            this.loop = new DeliveryLoop<>(subscription, this);
            this.workers = new WorkerThreads("switchboard-embedded-" + subscription.destination() + "-"
                    + threads.incrementAndGet(), subscription.concurrency(), this::work);
        }

        void start() {
            workers.start();
        }

        private void work(BooleanSupplier running) {
            if (orderedQueue != null) {
                workInOrder(running);
                return;
            }
            while (running.getAsBoolean()) {
                Envelope envelope;
                try {
                    envelope = queue.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (envelope == null) {
                    continue;
                }
                if (subscription.batch() == null) {
                    loop.deliver(envelope);
                } else {
                    loop.deliverAll(gather(envelope, subscription.batch()));
                }
            }
        }

        /** {@code first} and what else arrives, up to the batch's max, waiting up to its max wait. */
        private List<Envelope> gather(Envelope first, Subscription.Batch batch) {
            List<Envelope> gathered = new ArrayList<>(List.of(first));
            long deadline = System.nanoTime() + batch.maxWait().toNanos();
            while (gathered.size() < batch.max()) {
                long left = deadline - System.nanoTime();
                Envelope next;
                try {
                    next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (next == null) {
                    break;
                }
                gathered.add(next);
            }
            return gathered;
        }

        /** One message of a key out at a time across the group; the loop retries a failure in place. */
        private void workInOrder(BooleanSupplier running) {
            while (running.getAsBoolean()) {
                KeyOrderedQueue.Entry<Envelope> next;
                try {
                    next = orderedQueue.take(Duration.ofMillis(50));
                } catch (InterruptedException e) {
                    return;
                }
                if (next != null) {
                    try {
                        loop.deliver(next.item());
                    } finally {
                        orderedQueue.done(next);
                    }
                }
            }
        }

        @Override
        public Message read(Envelope received) {
            return received.message();
        }

        @Override
        public Message salvage(Envelope received) {
            return received.message();
        }

        @Override
        public int attempt(Envelope received) {
            return received.attempt();
        }

        /** A delivery taken from the queue is gone from it: nothing to settle. */
        @Override
        public void acknowledge(Envelope received) {}

        @Override
        public void retryLater(Envelope received, Message message, int attempt, Duration delay) {
            later(new Envelope(message, attempt + 1), delay);
        }

        @Override
        public void redeliverLater(Envelope received, Duration delay) {
            later(received, delay);
        }

        @Override
        public CompletableFuture<Void> publish(String destination, Message message) {
            return EmbeddedBroker.this.publish(destination, message);
        }

        /**
         * Back in the queue after {@code delay}, never at once; the messages behind it do not wait (an
         * ordered subscription comes here only when it shuts down mid-retry: the message goes behind).
         */
        private void later(Envelope envelope, Duration delay) {
            redelivery.schedule(() -> {
                if (orderedQueue == null) {
                    queue.add(envelope);
                } else {
                    Channel.putUnbounded(orderedQueue, envelope);
                }
            }, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        }

        /** Lets the in-flight handlers finish (up to 10 s), then stops. */
        void close() {
            workers.close();
        }
    }
}
