package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import dev.switchboard.contract.read.Locations;
import dev.switchboard.contract.read.Problems;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every rule needs: the contract, its types by name, and where to report. */
final class Context {

    final ServiceContract contract;
    final Map<String, TypeDefinition> types = new LinkedHashMap<>();
    private final Locations locations;
    private final Problems problems;

    Context(ServiceContract contract, Locations locations, Problems problems) {
        this.contract = contract;
        this.locations = locations;
        this.problems = problems;
        contract.types().forEach(t -> types.putIfAbsent(t.name(), t));
    }

    /** The position of the value at {@code path}, or {@code fallback} when it was not written. */
    Position at(Position fallback, String... path) {
        return locations.valueOr(fallback, path);
    }

    void report(Position position, String message, String fix) {
        problems.add(position, message, fix);
    }

    MessageType messageType(String name) {
        return types.get(name) instanceof MessageType message ? message : null;
    }

    boolean isEnum(String name) {
        return types.get(name) instanceof EnumType;
    }

    /** Whether every type name in {@code type} is declared; rules skip types already reported as unknown. */
    boolean resolves(TypeRef type) {
        if (type instanceof TypeRef.Named named) {
            return types.containsKey(named.name());
        }
        if (type instanceof TypeRef.ListOf list) {
            return resolves(list.element());
        }
        return !(type instanceof TypeRef.MapOf map) || (resolves(map.key()) && resolves(map.value()));
    }

    /** A duration as people write it in the contract: 1500ms, 2s, 1m, 1h. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static String format(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    static String format(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
