package dev.switchboard.spring.page;

import dev.switchboard.runtime.policy.ServedOperations;
import dev.switchboard.runtime.ServedSpecification;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.ServedMessages;
import dev.switchboard.runtime.policy.CircuitBreakerSettings;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import dev.switchboard.runtime.policy.RetrySettings;
import dev.switchboard.runtime.resilience.PolicyEngine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the service page shows, read from the running application: the operations and messages generated
 * configurations declared, their policies as the policy engine applies them (after {@code application.yml}),
 * counts from the shared {@code switchboard.call} metric, and the state of every client circuit.
 */
public final class ServicePage {

    private static final java.util.Comparator<String> PUBLISHER_FIRST =
            java.util.Comparator.comparing(role -> role.equals("publisher") ? 0 : 1);

    private final ObjectProvider<ServedOperations> operations;
    private final ObjectProvider<ServedMessages> messages;
    private final ObjectProvider<ServedSpecification> documents;
    private final PolicyEngine policies;
    private final ObjectProvider<MeterRegistry> meters;

    public ServicePage(ObjectProvider<ServedOperations> operations, ObjectProvider<ServedMessages> messages,
            ObjectProvider<ServedSpecification> documents, PolicyEngine policies, ObjectProvider<MeterRegistry> meters) {
        this.operations = operations;
        this.messages = messages;
        this.documents = documents;
        this.policies = policies;
        this.meters = meters;
    }

    /** The served document of {@code kind} ({@code openapi}, {@code asyncapi}) for the service named {@code kebab}. */
    public java.util.Optional<ServedSpecification> document(String kind, String kebab) {
        return documents.orderedStream()
                .filter(document -> document.kind().equals(kind) && ServiceKeys.kebab(document.service()).equals(kebab))
                .findFirst();
    }

    /** The page's data, as the JSON view shows it; key order is the page's order. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> model(String application) {
        Calls calls = new Calls(meters.getIfAvailable());
        Map<String, Map<String, Object>> services = new TreeMap<>();
        for (ServedOperations served : operations.orderedStream().toList()) {
            Map<String, Object> service = service(services, served.service());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> byName = (Map<String, Map<String, Object>>) service.get("operations");
            for (ServedOperations.Route route : served.routes()) {
                OperationDescriptor operation = route.operation();
                Map<String, Object> entry = byName.computeIfAbsent(operation.name(), name -> operation(operation));
                @SuppressWarnings("unchecked")
                Map<String, Object> routes = (Map<String, Object>) entry.get("routes");
                routes.put(served.transport(), route.route());
                entry.put("served", calls.of(operation.service(), operation.name(), "server"));
            }
        }
        for (ServedMessages served : messages.orderedStream().toList()) {
            Map<String, Object> service = service(services, served.service());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> byName = (Map<String, Map<String, Object>>) service.get("messages");
            for (MessageDescriptor message : served.messages()) {
                Map<String, Object> entry = byName.computeIfAbsent(message.name(), name -> message(message));
                @SuppressWarnings("unchecked")
                List<String> roles = (List<String>) entry.get("roles");
                roles.add(served.role());
                String kind = served.role().equals("publisher") ? "producer" : "consumer";
                entry.put(served.role().equals("publisher") ? "published" : "consumed",
                        calls.of(message.service(), message.name(), kind));
            }
        }
        services.values().forEach(service -> ((Map<String, Map<String, Object>>) service.get("messages")).values()
                .forEach(message -> ((List<String>) message.get("roles")).sort(PUBLISHER_FIRST)));
        for (ServedSpecification document : documents.orderedStream().toList()) {
            @SuppressWarnings("unchecked")
            Map<String, String> links = (Map<String, String>) service(services, document.service()).get("documents");
            // Relative to the page, which serves the documents itself: right under any context path, management
            // base path or management port.
            links.put(document.kind(), "switchboard/" + document.kind() + "/" + ServiceKeys.kebab(document.service()) + ".yaml");
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("application", application);
        page.put("services", new ArrayList<>(services.values()));
        page.put("clients", clients(calls));
        return page;
    }

    private static Map<String, Object> service(Map<String, Map<String, Object>> services, String name) {
        return services.computeIfAbsent(name, key -> {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service", name);
            service.put("operations", new LinkedHashMap<String, Map<String, Object>>());
            service.put("messages", new LinkedHashMap<String, Map<String, Object>>());
            service.put("documents", new TreeMap<String, String>());
            return service;
        });
    }

    private Map<String, Object> operation(OperationDescriptor operation) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", operation.name());
        entry.put("shape", operation.shape().name());
        entry.put("idempotent", operation.idempotent());
        entry.put("routes", new TreeMap<String, String>());
        entry.put("policy", policy(policies.settings(operation)));
        return entry;
    }

    private static Map<String, Object> message(MessageDescriptor message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", message.name());
        entry.put("kind", message.kind().name());
        entry.put("destination", message.destination());
        entry.put("deadLetter", message.deadLetter());
        entry.put("ordered", message.ordered());
        entry.put("retry", retry(message.retry()));
        entry.put("roles", new ArrayList<String>());
        return entry;
    }

    /** Every client call this application made, by downstream operation and transport, with its circuit. */
    private List<Map<String, Object>> clients(Calls calls) {
        Map<String, String> circuits = policies.circuitStates();
        List<Map<String, Object>> clients = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : calls.byKind("client").entrySet()) {
            Map<String, Object> client = new LinkedHashMap<>(entry.getValue());
            String fullName = client.get("service") + "/" + client.get("operation");
            client.put("circuit", circuits.getOrDefault(fullName, "CLOSED"));
            clients.add(client);
        }
        return clients;
    }

    private static Map<String, Object> policy(PolicySettings settings) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("timeout", duration(settings.timeout()));
        policy.put("deadline", duration(settings.deadline()));
        policy.put("retry", retry(settings.retry()));
        CircuitBreakerSettings breaker = settings.circuitBreaker();
        if (breaker != null) {
            Map<String, Object> circuit = new LinkedHashMap<>();
            circuit.put("failureRate", breaker.failureRate() + "%");
            circuit.put("minimumCalls", breaker.minimumCalls());
            circuit.put("window", breaker.window());
            circuit.put("openFor", duration(breaker.openFor()));
            policy.put("circuitBreaker", circuit);
        }
        if (settings.concurrency() != null) {
            policy.put("concurrency", settings.concurrency());
        }
        RateLimitSettings limit = settings.rateLimit();
        if (limit != null) {
            policy.put("rateLimit", limit.permits() + " per " + duration(limit.per()));
        }
        policy.values().removeIf(value -> value == null);
        return policy;
    }

    private static Map<String, Object> retry(RetrySettings retry) {
        if (retry == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("attempts", retry.attempts());
        shown.put("backoff", duration(retry.backoff()));
        shown.put("maxBackoff", duration(retry.maxBackoff()));
        shown.values().removeIf(value -> value == null);
        return shown;
    }

    /** {@code 2s}, {@code 150ms}, {@code 1h}: as contracts write them. */
    static String duration(Duration duration) {
        if (duration == null) {
            return null;
        }
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** The {@code switchboard.call} timers, summed by service, operation, transport and kind. */
    private static final class Calls {

        private final Map<String, Map<String, Object>> byKey = new TreeMap<>();

        Calls(MeterRegistry meters) {
            if (meters == null) {
                return;
            }
            for (Timer timer : meters.find("switchboard.call").timers()) {
                Meter.Id id = timer.getId();
                String key = String.join("|", id.getTag("kind"), id.getTag("service"), id.getTag("operation"),
                        id.getTag("transport"));
                Map<String, Object> entry = byKey.computeIfAbsent(key, k -> {
                    Map<String, Object> fresh = new LinkedHashMap<>();
                    fresh.put("service", id.getTag("service"));
                    fresh.put("operation", id.getTag("operation"));
                    fresh.put("transport", id.getTag("transport"));
                    fresh.put("kind", id.getTag("kind"));
                    fresh.put("count", 0L);
                    fresh.put("errors", 0L);
                    return fresh;
                });
                entry.put("count", (Long) entry.get("count") + timer.count());
                if (!"OK".equals(id.getTag("outcome"))) {
                    entry.put("errors", (Long) entry.get("errors") + timer.count());
                }
            }
            byKey.values().forEach(entry -> {
                long count = (Long) entry.get("count");
                entry.put("errorRate", count == 0 ? 0.0 : Math.round(10_000.0 * (Long) entry.get("errors") / count) / 10_000.0);
            });
        }

        /** Per transport: count, errors and error rate of one operation's calls of one kind. */
        Map<String, Object> of(String service, String operation, String kind) {
            Map<String, Object> byTransport = new TreeMap<>();
            byKey.values().stream()
                    .filter(entry -> kind.equals(entry.get("kind")) && service.equals(entry.get("service"))
                            && operation.equals(entry.get("operation")))
                    .forEach(entry -> byTransport.put((String) entry.get("transport"), Map.of("count", entry.get("count"),
                            "errors", entry.get("errors"), "errorRate", entry.get("errorRate"))));
            return byTransport;
        }

        Map<String, Map<String, Object>> byKind(String kind) {
            Map<String, Map<String, Object>> selected = new TreeMap<>();
            byKey.forEach((key, entry) -> {
                if (kind.equals(entry.get("kind"))) {
                    selected.put(key, entry);
                }
            });
            return selected;
        }
    }
}
