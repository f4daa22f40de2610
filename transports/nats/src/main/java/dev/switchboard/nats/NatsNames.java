package dev.switchboard.nats;

/** JetStream names allow no dots, spaces or wildcards; destinations and groups do. */
final class NatsNames {

    private NatsNames() {}

    /** The stream of a destination: {@code orders.created} → {@code switchboard_orders_created}. */
    static String stream(String destination) {
        return "switchboard_" + clean(destination);
    }

    static String durable(String group) {
        return clean(group);
    }

    private static final java.util.regex.Pattern NOT_ALLOWED = java.util.regex.Pattern.compile("[^A-Za-z0-9_-]");

    private static String clean(String name) {
        return NOT_ALLOWED.matcher(name).replaceAll("_");
    }
}
