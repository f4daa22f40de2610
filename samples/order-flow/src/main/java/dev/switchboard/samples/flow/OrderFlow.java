package dev.switchboard.samples.flow;

import dev.switchboard.samples.flow.FlowLog.Hop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample's story, played once and told: orders placed over REST, stock reserved over gRPC
 * (one product's warehouse is busy on the first try, so that call is retried), one order refused
 * for want of stock, {@code orderCreated} fanned out to inventory and points over the broker,
 * points read back over REST, a customer's orders watched over gRPC streaming; two callers turned
 * away at the door (one without a token, one whose token may only read orders); then every hop of
 * every order's trace, and each service's own call metrics.
 *
 * <p>Every call carries a token of the flow's own {@link TokenIssuer}: customers their own, signed in;
 * the order service one of its own for inventory, by OAuth2 client credentials.
 *
 * <pre>java … OrderFlow [embedded|kafka|rabbitmq|nats] [directory of the service jars]</pre>
 */
public final class OrderFlow {

    private record Step(String customer, String sku, int quantity) {}

    private static final List<Step> SCENARIO = List.of(
            new Step("alice", "blue-mug", 2),
            new Step("bob", "red-kettle", 1),
            new Step("carol", "green-teapot", 5),
            new Step("alice", "red-kettle", 1));

    private final Shop shop;
    private final TokenIssuer issuer;
    private final FlowLog log;
    private final String broker;
    private final PrintStream out;

    OrderFlow(Shop shop, TokenIssuer issuer, FlowLog log, String broker, PrintStream out) {
        this.shop = shop;
        this.issuer = issuer;
        this.log = log;
        this.broker = broker;
        this.out = out;
    }

    public static void main(String[] args) {
        String brokerName = args.length > 0 ? args[0] : "embedded";
        Path jars = Path.of(args.length > 1 ? args[1] : "target/services");
        FlowLog log = new FlowLog();
        boolean asExpected;
        try (Broker broker = Broker.start(brokerName); TokenIssuer issuer = TokenIssuer.start();
                Shop shop = Shop.open(jars, broker, issuer, log, Map.of())) {
            asExpected = new OrderFlow(shop, issuer, log, broker.name(), System.out).play();
        }
        // Broker clients may leave non-daemon threads behind; the story is told.
        System.exit(asExpected ? 0 : 1);
    }

    /** Plays the scenario and prints what happened; false when the shop did not behave as the story says. */
    boolean play() {
        RunningService orders = shop.service(Shop.ORDERS);
        RunningService points = shop.service(Shop.POINTS);
        Shopper shopper = new Shopper(orders.httpUrl(), points.httpUrl(), issuer);

        out.printf("%nSwitchboard sample: the order flow, three services in one JVM on the %s broker%n", broker);
        out.printf("  orders     REST %s  gRPC %s   calls inventory over gRPC, publishes orderCreated%n",
                orders.httpUrl(), orders.grpcAddress());
        out.printf("  inventory  gRPC %s   reserves stock, consumes orderCreated%n", shop.service(Shop.INVENTORY).grpcAddress());
        out.printf("  points     REST %s   consumes orderCreated, serves points%n", points.httpUrl());
        out.printf("  issuer     HTTP %s   signs tokens: JWK set at /jwks, client credentials at /token%n%n",
                issuer.url());

        List<Shopper.Placed> placed = new ArrayList<>();
        for (Step step : SCENARIO) {
            placed.add(shopper.placeOrder(step.customer(), step.sku(), step.quantity()));
        }
        Map<String, Object> alice = shopper.pointsOnceCredited("alice", 2, Duration.ofSeconds(30));
        Map<String, Object> bob = shopper.pointsOnceCredited("bob", 1, Duration.ofSeconds(30));
        Map<String, Object> carol = shopper.points("carol");
        List<String> watched = OrderWatch.firstOrders(orders.grpcAddress(), "alice", 2,
                issuer.signIn("alice", Shopper.CUSTOMER_SCOPES));
        Shopper.Placed anonymous = shopper.placeOrder("nobody", "blue-mug", 1, null);
        Shopper.Placed browsing = shopper.placeOrder("dave", "blue-mug", 1, issuer.signIn("dave", "orders:read"));
        awaitConsumers(placed);

        out.println("Orders (POST /orders), each in its own trace:");
        for (int i = 0; i < SCENARIO.size(); i++) {
            tell(SCENARIO.get(i), placed.get(i));
        }
        out.println();
        out.println("Points (GET /customers/{id}/points):");
        for (Map<String, Object> balance : List.of(alice, bob, carol)) {
            int credited = ((Number) balance.get("orders")).intValue();
            out.printf("  %-6s %4s points from %d order%s%n", balance.get("customerId"), balance.get("points"), credited,
                    credited == 1 ? "" : "s");
        }
        out.printf("%nalice's orders watched over gRPC server streaming: %s%n%n", String.join(", ", watched));
        out.println("Tokens (customers sign in; orders calls inventory as itself, by client credentials):");
        String ownToken = TokenIssuer.ORDERS_CLIENT + "'s own token for inventory";
        out.printf("  %-40s → %d granted, kept for every reservation%n", ownToken,
                issuer.tokensGranted(TokenIssuer.ORDERS_CLIENT));
        out.printf("  %-40s → %d %s%n", "an order without a token", anonymous.status(), anonymous.problem());
        out.printf("  %-40s → %d %s%n%n", "dave, signed in to read orders only", browsing.status(), browsing.problem());
        out.println("switchboard.call in each service's own metrics (count by transport, kind, operation, outcome):");
        for (String name : List.of(Shop.ORDERS, Shop.INVENTORY, Shop.POINTS)) {
            metrics(name);
        }

        boolean asExpected = placed.get(0).accepted() && placed.get(1).accepted() && !placed.get(2).accepted()
                && placed.get(3).accepted()
                && "OutOfStock".equals(placed.get(2).body().get("error"))
                && ((Number) alice.get("orders")).intValue() == 2 && ((Number) bob.get("orders")).intValue() == 1
                && watched.equals(List.of(placed.get(0).orderId(), placed.get(3).orderId()))
                && anonymous.status() == 401 && browsing.status() == 403
                && issuer.tokensGranted(TokenIssuer.ORDERS_CLIENT) == 1;
        out.printf("%n%s%n", asExpected ? "The flow ran as the story says."
                : "The flow did NOT run as the story says: see above.");
        return asExpected;
    }

    private void tell(Step step, Shopper.Placed placed) {
        out.printf("  %-6s %d × %-13s → %s", step.customer(), step.quantity(), step.sku(), summaryOf(placed));
    }

    /** The answer to one order, then every hop of its trace, one per line. */
    String summaryOf(Shopper.Placed placed) {
        StringBuilder text = new StringBuilder();
        text.append(placed.accepted()
                ? String.format("%d %s, %.2f €", placed.status(), placed.orderId(),
                        ((Number) placed.body().get("totalCents")).longValue() / 100.0)
                : placed.status() + " " + placed.problem()).append('\n');
        List<Hop> hops = log.trace(placed.traceId());
        long retries = hops.stream().filter(hop -> hop.app().equals(Shop.INVENTORY) && hop.kind().equals("server")
                && hop.outcome().equals("UNAVAILABLE")).count();
        text.append(String.format("         trace %s, %d hops%s%n", placed.traceId(), hops.size(),
                retries == 0 ? "" : ", inventory was busy: retried " + retries + "×"));
        for (Hop hop : hops) {
            text.append(String.format("           %-10s %-9s %-9s %-24s %s%n",
                    hop.app(), hop.transport(), hop.kind(), hop.call(), hop.outcome()));
        }
        return text.toString();
    }

    /** Waits until both consumers of every accepted order's event have recorded their hop. */
    private void awaitConsumers(List<Shopper.Placed> placed) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Shopper.Placed order : placed) {
            while (order.accepted() && System.nanoTime() < until
                    && log.trace(order.traceId()).stream().filter(hop -> hop.kind().equals("consumer")).count() < 2) {
                Shopper.sleep(20);
            }
        }
    }

    private void metrics(String name) {
        MeterRegistry registry = shop.service(name).context().getBean(MeterRegistry.class);
        Map<String, Long> counts = new TreeMap<>();
        for (Timer timer : registry.find("switchboard.call").timers()) {
            String key = String.format("%-9s %-9s %-24s %-20s", timer.getId().getTag("transport"), timer.getId().getTag("kind"),
                    timer.getId().getTag("service") + "." + timer.getId().getTag("operation"), timer.getId().getTag("outcome"));
            counts.merge(key, timer.count(), Long::sum);
        }
        out.printf("  %s%n", name);
        counts.forEach((key, count) -> out.printf("    %s %3d%n", key, count));
    }
}
