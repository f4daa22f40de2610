package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.contract.model.CircuitBreakerPolicy;
import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.HttpBinding.HttpMethod;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.RateLimitPolicy;
import dev.switchboard.contract.model.RetryPolicy;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.StreamingMode;
import dev.switchboard.contract.model.TagRange;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example that uses every feature of the format reads into the model the generators expect. */
class RichContractTest {

    static final Path RICH = Path.of("src/test/resources/contracts/rich.yaml");

    static ServiceContract contract;

    @BeforeAll
    static void load() {
        contract = ContractLoader.load(RICH);
    }

    @Test
    void readsTheHeader() {
        assertThat(contract.formatVersion()).isEqualTo(1);
        assertThat(contract.service()).isEqualTo("Orders");
        assertThat(contract.javaPackage()).isEqualTo("com.example.orders");
        assertThat(contract.version()).isEqualTo("1.3.0");
        assertThat(contract.description()).isEqualTo("Order lifecycle, from placement to delivery.");
        assertThat(contract.position()).isEqualTo(new Position(RICH.toString(), 2, 1));
    }

    @Test
    void readsWhoMayCallEachOperation() {
        assertThat(contract.security().schemes()).containsExactly(Security.Scheme.JWT, Security.Scheme.MTLS);
        assertThat(contract.security().scopes()).containsOnlyKeys("orders:read", "orders:write");
        assertThat(contract.operations()).extracting(Operation::name, Operation::scopes, contract::isPublic)
                .contains(
                        tuple("getOrder", List.of("orders:read"), false),
                        tuple("createOrder", List.of("orders:write"), false),
                        tuple("importOrders", List.of(), false),
                        tuple("echoScalars", List.of(), true));
    }

    @Test
    void keepsDeclarationOrder() {
        assertThat(contract.types()).extracting(TypeDefinition::name).containsExactly("Money", "OrderItem", "Order",
                "OrderStatus", "Scalars", "CreateOrderRequest", "GetOrderRequest", "ListOrdersRequest", "OrderPage",
                "UpdateNoteRequest", "WatchOrdersRequest", "ImportSummary", "OrderUpdate");
        assertThat(contract.messageTypes()).hasSize(12);
        assertThat(contract.enumTypes()).hasSize(1);
        assertThat(contract.errors()).extracting("name").containsExactly("OrderNotFound", "OutOfStock", "OrderLocked");
        assertThat(contract.operations()).extracting(Operation::name).containsExactly("createOrder", "getOrder",
                "listOrders", "updateNote", "cancelOrder", "watchOrders", "importOrders", "trackOrders", "echoScalars");
        assertThat(contract.events()).extracting(MessageDefinition::name).containsExactly("orderCreated", "orderCancelled");
        assertThat(contract.commands()).extracting(MessageDefinition::name).containsExactly("recalculateTotals");
    }

    @Test
    void readsFieldsWithTypesTagsAndConstraints() {
        MessageType order = contract.messageType("Order");
        assertThat(order.doc()).isEqualTo("A placed order.");
        assertThat(order.fields()).extracting(Field::name).containsExactly("id", "customerId", "items", "total",
                "status", "createdAt", "note", "attributes", "deliveryWindow", "discount");
        Field items = order.fields().get(2);
        assertThat(items.type()).isEqualTo(new TypeRef.ListOf(new TypeRef.Named("OrderItem")));
        assertThat(items.tag()).isEqualTo(3);
        assertThat(items.optional()).isFalse();
        assertThat(items.constraints()).isEqualTo(new Constraints(null, null, null, null, null, 1, 100));
        assertThat(items.position()).isEqualTo(new Position(RICH.toString(), 38, 7));
        assertThat(order.fields().get(6).optional()).isTrue();
        assertThat(order.fields().get(0).constraints()).isSameAs(Constraints.NONE);
        assertThat(order.reserved()).extracting(TagRange::toString).containsExactly("9", "10", "20-29");
        assertThat(order.reserved().get(2).contains(25)).isTrue();
    }

    @Test
    void readsMapsWrittenInsideFlowMappings() {
        MessageType scalars = contract.messageType("Scalars");
        assertThat(field(contract.messageType("Order"), "attributes").type().spelling()).isEqualTo("map<string,string>");
        assertThat(field(scalars, "byId").type()).isEqualTo(
                new TypeRef.MapOf(new TypeRef.Scalar(ScalarKind.INT32), new TypeRef.Named("OrderItem")));
        assertThat(field(scalars, "byId").constraints().maxItems()).isEqualTo(10);
        assertThat(field(scalars, "tags").tag()).isEqualTo(536_870_911);
    }

    @Test
    void readsEveryScalarAndKeywordFieldNames() {
        MessageType scalars = contract.messageType("Scalars");
        assertThat(scalars.fields().subList(0, 12)).extracting(f -> ((TypeRef.Scalar) f.type()).kind())
                .containsExactly(ScalarKind.values());
        assertThat(scalars.fields()).extracting(Field::name).contains("class", "default");
        assertThat(field(scalars, "precise").constraints().min()).isEqualByComparingTo(new BigDecimal("-1.5"));
        assertThat(field(contract.messageType("OrderItem"), "unitPrice").constraints().min())
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(field(contract.messageType("Money"), "currency").constraints().pattern()).isEqualTo("[A-Z]{3}");
    }

    @Test
    void readsEnums() {
        EnumType status = (EnumType) contract.type("OrderStatus").orElseThrow();
        assertThat(status.values()).extracting(EnumValue::name, EnumValue::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PENDING", 1),
                        org.assertj.core.groups.Tuple.tuple("CONFIRMED", 2),
                        org.assertj.core.groups.Tuple.tuple("CANCELLED", 3));
        assertThat(status.reserved()).extracting(TagRange::from).containsExactly(4);
    }

    @Test
    void readsOperationsWithModesAndHttpBindings() {
        Operation listOrders = operation("listOrders");
        assertThat(listOrders.mode()).isEqualTo(StreamingMode.UNARY);
        assertThat(listOrders.http().method()).isEqualTo(HttpMethod.GET);
        assertThat(listOrders.http().path()).isEqualTo("/customers/{customerId}/orders");
        assertThat(listOrders.http().pathVariables()).containsExactly("customerId");
        assertThat(listOrders.idempotent()).isTrue();
        assertThat(operation("createOrder").idempotent()).isFalse();
        assertThat(operation("updateNote").errors()).containsExactly("OrderNotFound", "OrderLocked");
        assertThat(operation("watchOrders").mode()).isEqualTo(StreamingMode.SERVER_STREAMING);
        assertThat(operation("watchOrders").output()).isEqualTo("Order");
        assertThat(operation("importOrders").mode()).isEqualTo(StreamingMode.CLIENT_STREAMING);
        assertThat(operation("importOrders").input()).isEqualTo("CreateOrderRequest");
        assertThat(operation("importOrders").http()).isNull();
        assertThat(operation("trackOrders").mode()).isEqualTo(StreamingMode.BIDI_STREAMING);
        assertThat(operation("cancelOrder").http().hasBody()).isFalse();
    }

    @Test
    void readsServicePoliciesAndOperationOverrides() {
        assertThat(contract.policies()).isEqualTo(new Policies(Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1), 0.2, 0.2),
                new CircuitBreakerPolicy(50.0, 20, 100, Duration.ofSeconds(10)),
                64, new RateLimitPolicy(200, Duration.ofSeconds(1))));
        assertThat(operation("createOrder").policies()).isSameAs(Policies.NONE);
        Policies updateNote = operation("updateNote").policies();
        assertThat(updateNote.retry()).isEqualTo(new RetryPolicy(5, null, null, null, null));
        Policies effective = contract.policies().overriddenBy(updateNote);
        assertThat(effective.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(1), 0.2, 0.2));
        assertThat(effective.circuitBreaker().openFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(effective.circuitBreaker().failureRate()).isEqualTo(50.0);
        assertThat(contract.policies().overriddenBy(operation("getOrder").policies()).timeout())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(operation("echoScalars").policies().concurrency()).isEqualTo(8);
        assertThat(operation("echoScalars").policies().rateLimit()).isEqualTo(new RateLimitPolicy(10, Duration.ofSeconds(1)));
    }

    @Test
    void readsEventsAndCommands() {
        MessageDefinition created = contract.events().get(0);
        assertThat(created.kind()).isEqualTo(MessageDefinition.Kind.EVENT);
        assertThat(created.payload()).isEqualTo("Order");
        assertThat(created.destination()).isEqualTo("orders.created");
        assertThat(created.key()).isEqualTo("id");
        assertThat(created.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30), null, null));
        assertThat(created.deadLetterOrDefault()).isEqualTo("orders.created.dlq");
        assertThat(contract.events().get(1).deadLetterOrDefault()).isEqualTo("orders.cancelled.dlq");
        MessageDefinition recalculate = contract.commands().get(0);
        assertThat(recalculate.kind()).isEqualTo(MessageDefinition.Kind.COMMAND);
        assertThat(recalculate.destination()).isEqualTo("orders.recalculate");
    }

    @Test
    void readsErrors() {
        assertThat(contract.error("OutOfStock").orElseThrow().code()).isEqualTo("FAILED_PRECONDITION");
        assertThat(contract.error("OutOfStock").orElseThrow().placeholders()).containsExactly("sku");
        assertThat(contract.error("OrderLocked").orElseThrow().message()).isNull();
    }

    private static Operation operation(String name) {
        return contract.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static Field field(MessageType type, String name) {
        return type.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
