package dev.switchboard.samples.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The three sample services in this JVM, each a Spring application of its own on free ports,
 * all on one broker (with the embedded broker, the one in-JVM broker they share), all trusting one
 * token issuer.
 *
 * <p>Each service jar is loaded on a class loader of its own, above the shared libraries: the
 * order, inventory and points services each generate classes for the order contract (for the
 * roles each plays), and in separate processes those never meet; here they must not either.
 */
public final class Shop implements AutoCloseable {

    public static final String ORDERS = "orders";
    public static final String INVENTORY = "inventory";
    public static final String POINTS = "points";

    private static final Map<String, String> APPLICATIONS = Map.of(
            ORDERS, "dev.switchboard.samples.orders.OrderServiceApplication",
            INVENTORY, "dev.switchboard.samples.inventory.InventoryServiceApplication",
            POINTS, "dev.switchboard.samples.points.PointsServiceApplication");

    private final Path jars;
    private final Broker broker;
    private final TokenIssuer issuer;
    private final FlowLog log;
    private final Map<String, Map<String, String>> overrides;
    private final Map<String, RunningService> running = new LinkedHashMap<>();

    private Shop(Path jars, Broker broker, TokenIssuer issuer, FlowLog log,
            Map<String, Map<String, String>> overrides) {
        this.jars = jars;
        this.broker = broker;
        this.issuer = issuer;
        this.log = log;
        this.overrides = overrides;
    }

    /**
     * Starts inventory, points and orders (which calls inventory with a token of its own from
     * {@code issuer}), from the jars in {@code jars}; {@code overrides} adds properties per service name.
     */
    public static Shop open(Path jars, Broker broker, TokenIssuer issuer, FlowLog log,
            Map<String, Map<String, String>> overrides) {
        Shop shop = new Shop(jars, broker, issuer, log, overrides);
        try {
            shop.start(INVENTORY, Map.of());
            shop.start(POINTS, Map.of());
            shop.start(ORDERS, Map.of("switchboard.services.inventory.client.address",
                    shop.service(INVENTORY).grpcAddress(), "ORDERS_CLIENT_SECRET", issuer.ordersClientSecret()));
        } catch (RuntimeException failure) {
            shop.close();
            throw failure;
        }
        return shop;
    }

    public RunningService service(String name) {
        RunningService service = running.get(name);
        if (service == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return service;
    }

    /** Stops one service, as if its process had gone away. */
    public void stop(String name) {
        try {
            running.remove(name).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(String name, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(Map.of(
                "server.port", "0",
                "spring.grpc.server.port", "0",
                "spring.main.banner-mode", "off",
                "management.tracing.sampling.probability", "1.0",
                "logging.level.root", "WARN"));
        all.putAll(broker.properties());
        // Each service's application.yml points its resource server (and orders its token endpoint) here.
        all.put("SHOP_ISSUER", issuer.url());
        all.putAll(properties);
        all.putAll(overrides.getOrDefault(name, Map.of()));
        List<String> arguments = new ArrayList<>();
        all.forEach((key, value) -> arguments.add("--" + key + "=" + value));

        URLClassLoader loader = new URLClassLoader(name, new URL[] {jar(name)}, Shop.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            AtomicInteger grpcPort = new AtomicInteger();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(loader.loadClass(APPLICATIONS.get(name)))
                    .resourceLoader(new DefaultResourceLoader(loader))
                    .initializers(created -> created.getBeanFactory().registerSingleton("flowLog", log.recorderFor(name)))
                    .listeners(event -> {
                        if (event instanceof GrpcServerStartedEvent started) {
                            grpcPort.set(started.getPort());
                        }
                    })
                    .run(arguments.toArray(String[]::new));
            int httpPort = context.getEnvironment().getProperty("local.server.port", Integer.class, -1);
            running.put(name, new RunningService(name, context, httpPort, grpcPort.get(), loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(jar(name) + " holds no " + APPLICATIONS.get(name), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code target/services/switchboard-sample-order-service.jar}, as the build copies it. */
    private URL jar(String name) {
        String file = "switchboard-sample-" + (name.equals(ORDERS) ? "order" : name) + "-service.jar";
        Path jar = jars.resolve(file);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build the samples first (./mvnw install -DskipTests)");
        }
        try {
            return jar.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(running.keySet());
        Collections.reverse(names);
        for (String name : names) {
            stop(name);
        }
    }
}
