package dev.switchboard.codegen.java;

import static dev.switchboard.codegen.java.GeneratedJsonRoundTripTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.RichContract;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.CircuitBreakerPolicy;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.RateLimitPolicy;
import dev.switchboard.contract.model.RetryPolicy;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.CircuitBreakerSettings;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import dev.switchboard.runtime.policy.RetrySettings;
import dev.switchboard.runtime.security.Access;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The generated types used as a service author would: constructors, builders, enums, exceptions. */
class GeneratedCodeBehaviourTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void nullCollectionsBecomeEmptyAndCollectionsAreCopied() {
        List<Object> items = new ArrayList<>();
        Object request = construct("CreateOrderRequest", "c-1", items, null);
        Object empty = construct("CreateOrderRequest", null, null, null);
        items.add("added later");

        assertThat(get(request, "items")).isEqualTo(List.of());
        assertThat(get(empty, "customerId")).isEqualTo("");
        assertThat(get(empty, "items")).isEqualTo(List.of());
        assertThat(get(empty, "note")).isNull();
        assertThatThrownBy(() -> ((List<?>) get(empty, "items")).add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderAndToBuilderCopyEveryField() throws ReflectiveOperationException {
        Class<?> orderType = CompiledRichContract.load("Order");
        Object order = MAPPER.readValue("""
                {"id": "o-1", "customerId": "c-1", "note": "first", "attributes": {"b": "1", "a": "2"}}""", orderType);

        Object builder = orderType.getMethod("toBuilder").invoke(order);
        builder.getClass().getMethod("note", String.class).invoke(builder, "second");
        Object changed = builder.getClass().getMethod("build").invoke(builder);
        Object fresh = orderType.getMethod("builder").invoke(null);
        Object built = fresh.getClass().getMethod("build").invoke(fresh);

        assertThat(get(changed, "note")).isEqualTo("second");
        assertThat(changed).isNotEqualTo(order);
        assertThat(MAPPER.valueToTree(changed).toString())
                .isEqualTo(MAPPER.valueToTree(order).toString().replace("first", "second"));
        assertThat(get(built, "id")).isEqualTo("");
        assertThat(get(built, "status")).hasToString("UNSPECIFIED");
        assertThat(get(built, "total")).isNull();
    }

    @Test
    void smallRecordsHaveNoBuilder() {
        assertThat(CompiledRichContract.load("Money").getDeclaredClasses()).isEmpty();
        assertThat(CompiledRichContract.load("ListOrdersRequest").getDeclaredClasses())
                .extracting(Class::getSimpleName).containsExactly("Builder");
    }

    @Test
    void enumsKnowTheirNumbersAndTolerateNewOnes() throws ReflectiveOperationException {
        Class<?> status = CompiledRichContract.load("OrderStatus");
        Method forNumber = status.getMethod("forNumber", int.class);
        Method number = status.getMethod("number");

        assertThat(Arrays.stream(status.getEnumConstants()).map(Object::toString))
                .containsExactly("UNSPECIFIED", "PENDING", "CONFIRMED", "CANCELLED", "UNRECOGNIZED");
        assertThat(forNumber.invoke(null, 2)).hasToString("CONFIRMED");
        assertThat(forNumber.invoke(null, 0)).hasToString("UNSPECIFIED");
        assertThat(forNumber.invoke(null, 99)).hasToString("UNRECOGNIZED");
        assertThat(number.invoke(forNumber.invoke(null, 3))).isEqualTo(3);
        assertThat(number.invoke(status.getMethod("fromJson", String.class).invoke(null, "NEWER"))).isEqualTo(-1);
    }

    @Test
    void exceptionsFillMessageAndDetailsFromTheTemplate() throws ReflectiveOperationException {
        Class<?> notFound = CompiledRichContract.load("OrderNotFoundException");
        Class<?> locked = CompiledRichContract.load("OrderLockedException");
        IllegalStateException cause = new IllegalStateException("disk");

        SwitchboardException withCause = (SwitchboardException) notFound
                .getConstructor(String.class, Throwable.class).newInstance("o-9", cause);
        SwitchboardException withoutTemplate = (SwitchboardException) locked.getConstructor().newInstance();

        assertThat(withCause.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(withCause.errorName()).isEqualTo("OrderNotFound").isEqualTo(notFound.getField("ERROR_NAME").get(null));
        assertThat(withCause.getMessage()).isEqualTo("order o-9 not found");
        assertThat(withCause.details()).isEqualTo(Map.of("id", "o-9"));
        assertThat(withCause.getCause()).isSameAs(cause);
        assertThat(withoutTemplate.code()).isEqualTo(ErrorCode.ABORTED);
        assertThat(withoutTemplate.getMessage()).isEqualTo("OrderLocked");
        assertThat(withoutTemplate.details()).isEmpty();
    }

    @Test
    void aHandWrittenServiceRunsOnTheGeneratedTypes() throws ReflectiveOperationException {
        Object service = CompiledRichContract.load("com.example.orders.app.InMemoryOrdersService")
                .getConstructor().newInstance();
        Object created = call(service, "createOrder", json("CreateOrderRequest", """
                {"customerId": "c-1", "items": [{"sku": "SKU-1", "quantity": 2, "unitPrice": "12.50"}]}"""));
        Object updated = call(service, "updateNote", json("UpdateNoteRequest", "{\"id\": \"o-1\", \"note\": \"hi\"}"));
        call(service, "cancelOrder", json("GetOrderRequest", "{\"id\": \"o-1\"}"));
        ListSink updates = new ListSink();
        call(service, "trackOrders", new ListSource(json("GetOrderRequest", "{\"id\": \"o-1\"}")), updates);

        assertThat(MAPPER.valueToTree(created).toString()).isEqualTo("""
                {"id":"o-1","customerId":"c-1","items":[{"sku":"SKU-1","quantity":2,"unitPrice":"12.50"}],\
                "total":{"units":2500,"currency":"EUR"},"status":"PENDING","createdAt":"2024-05-01T10:15:30Z",\
                "attributes":{}}""");
        assertThat(get(updated, "note")).isEqualTo("hi");
        assertThat(updates.sent).extracting(update -> get(update, "status").toString()).containsExactly("CANCELLED");
        assertThatThrownBy(() -> call(service, "getOrder", json("GetOrderRequest", "{\"id\": \"o-404\"}")))
                .isInstanceOf(SwitchboardException.class)
                .hasMessage("order o-404 not found");
        assertThatThrownBy(() -> call(service, "updateNote", json("UpdateNoteRequest", "{\"id\": \"o-1\"}")))
                .isInstanceOf(SwitchboardException.class)
                .extracting(e -> ((SwitchboardException) e).code()).isEqualTo(ErrorCode.ABORTED);
    }

    private static Object json(String typeName, String document) {
        return MAPPER.readValue(document, CompiledRichContract.load(typeName));
    }

    /** Calls the service method of that name, rethrowing what it throws. */
    private static Object call(Object service, String operation, Object... arguments)
            throws ReflectiveOperationException {
        Method method = Arrays.stream(service.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(operation)).findFirst().orElseThrow();
        try {
            return method.invoke(service, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    /** A record built through the constructor of its contract fields, as Java callers build it. */
    private static Object construct(String typeName, Object... components) {
        Class<?> type = CompiledRichContract.load(typeName);
        RecordComponent[] all = type.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(all, 0, all.length - 1)
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(parameterTypes).newInstance(components);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Requests a client sent, already complete. */
    private static final class ListSource implements StreamSource<Object> {

        private final List<Object> messages;

        ListSource(Object... messages) {
            this.messages = List.of(messages);
        }

        @Override
        public Iterator<Object> iterator() {
            return messages.iterator();
        }

        @Override
        public void close() {}
    }

    /** Collects what a handler sends. */
    private static final class ListSink implements StreamSink<Object> {

        final List<Object> sent = new ArrayList<>();

        @Override
        public void send(Object message) {
            sent.add(message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    @Test
    void eachOperationDescriptorHoldsTheContractsEffectivePolicy() throws ReflectiveOperationException {
        Class<?> operations = CompiledRichContract.load("OrdersOperations");
        ServiceContract contract = RichContract.contract();

        for (Operation operation : contract.operations()) {
            OperationDescriptor descriptor = (OperationDescriptor) operations
                    .getField(JavaNames.operationConstant(operation)).get(null);
            Policies effective = contract.policies().overriddenBy(operation.policies());

            assertThat(descriptor.name()).isEqualTo(operation.name());
            assertThat(descriptor.idempotent()).as(operation.name()).isEqualTo(operation.idempotent());
            assertThat(descriptor.shape().name().replace("_STREAM", ""))
                    .isEqualTo(operation.mode().name().replace("_STREAMING", ""));
            assertThat(descriptor.policy()).as(operation.name()).isEqualTo(settings(effective));
        }
        assertThat(((OperationDescriptor) operations.getField("UPDATE_NOTE").get(null)).policy().retry().attempts())
                .isEqualTo(5);
    }

    @Test
    void eachOperationDescriptorSaysWhoMayCallIt() throws ReflectiveOperationException {
        Class<?> operations = CompiledRichContract.load("OrdersOperations");
        ServiceContract contract = RichContract.contract();
        for (Operation operation : contract.operations()) {
            OperationDescriptor descriptor = (OperationDescriptor) operations
                    .getField(JavaNames.operationConstant(operation)).get(null);
            Access expected = contract.isPublic(operation) ? Access.PUBLIC
                    : new Access(false, Set.copyOf(operation.scopes()));
            assertThat(descriptor.access()).as(operation.name()).isEqualTo(expected);
        }
        assertThat(descriptor(operations, "GET_ORDER").access()).isEqualTo(Access.scopes("orders:read"));
        assertThat(descriptor(operations, "CREATE_ORDER").access()).isEqualTo(Access.scopes("orders:write"));
        assertThat(descriptor(operations, "IMPORT_ORDERS").access()).isEqualTo(Access.AUTHENTICATED);
        assertThat(descriptor(operations, "ECHO_SCALARS").access()).isEqualTo(Access.PUBLIC);
        assertThat(descriptor(operations, "GET_ORDER").idempotent()).as("access keeps idempotency").isTrue();
    }

    @Test
    void withoutASecuritySectionDescriptorsAreWhatTheyWereBefore() {
        ContractInput input = new ContractInput(ContractLoader.parse("pings.yaml", """
                switchboard: 1
                service: Pings
                package: com.example.pings
                types:
                  Ping:
                    fields:
                      text: { type: string, tag: 1 }
                operations:
                  ping: { input: Ping, output: Ping, idempotent: true }
                """), "pings.yaml", Set.of(Role.SERVER), EnumSet.allOf(Transport.class));
        String source = new OperationsGenerator().generate(input).get(0).content();
        assertThat(source).contains("OperationDescriptor.unary(SERVICE, \"ping\", DEFAULTS).asIdempotent();")
                .doesNotContain("Access");
    }

    private static OperationDescriptor descriptor(Class<?> operations, String constant)
            throws ReflectiveOperationException {
        return (OperationDescriptor) operations.getField(constant).get(null);
    }

    /** The contract's merged policy as the positional runtime records, the way the generator wrote it before. */
    private static PolicySettings settings(Policies policies) {
        RetryPolicy retry = policies.retry();
        CircuitBreakerPolicy breaker = policies.circuitBreaker();
        RateLimitPolicy limit = policies.rateLimit();
        return new PolicySettings(policies.timeout(), policies.deadline(),
                retry == null ? null : new RetrySettings(retry.attempts(), retry.backoff(), retry.maxBackoff(),
                        retry.jitter(), retry.budget()),
                breaker == null ? null : new CircuitBreakerSettings(breaker.failureRate(), breaker.minimumCalls(),
                        breaker.window(), breaker.openFor()),
                policies.concurrency(),
                limit == null ? null : new RateLimitSettings(limit.permits(), limit.per()));
    }
}
