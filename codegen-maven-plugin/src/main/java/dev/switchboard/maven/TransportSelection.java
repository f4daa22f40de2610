package dev.switchboard.maven;

import dev.switchboard.codegen.Transport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which transports a build generates for. Configured values win; without any, each transport whose
 * module is on the project's class path ({@code dev.switchboard:switchboard-rest},
 * {@code dev.switchboard:switchboard-grpc}, which the {@code -rest} and {@code -grpc} starters
 * bring), so a service gets code for what it depends on and nothing else. A configured transport
 * whose module is missing would generate code that cannot compile: that, and an unknown value,
 * is a problem, every one reported at once.
 *
 * @param transports what to generate for; empty when there are problems
 * @param detected   whether the selection came from the class path rather than the configuration
 * @param problems   what is wrong with the configuration, each saying what to write instead
 */
record TransportSelection(Set<Transport> transports, boolean detected, List<String> problems) {

    static final String GROUP = "dev.switchboard";

    TransportSelection {
        transports = Set.copyOf(transports);
        problems = List.copyOf(problems);
    }

    /**
     * @param configured the {@code <transports>} values; null or only blanks when not configured
     * @param classPath  {@code groupId:artifactId} of every artifact on the compile class path
     */
    static TransportSelection of(List<String> configured, Collection<String> classPath) {
        List<String> values = configured == null ? List.of()
                : configured.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
        if (values.isEmpty()) {
            Set<Transport> found = EnumSet.noneOf(Transport.class);
            for (Transport transport : Transport.values()) {
                if (classPath.contains(module(transport))) {
                    found.add(transport);
                }
            }
            return new TransportSelection(found, true, List.of());
        }
        Set<Transport> selected = EnumSet.noneOf(Transport.class);
        List<String> problems = new ArrayList<>();
        for (String value : values) {
            Transport transport = parse(value);
            if (transport == null) {
                problems.add("Unknown transport '" + value + "' in <transports> (switchboard.transports): use "
                        + ids());
            } else if (selected.add(transport) && !classPath.contains(module(transport))) {
                problems.add("Transport " + transport.id() + " is selected in <transports> but " + module(transport)
                        + " is not on the class path: add " + GROUP + ":" + starter(transport)
                        + " to the dependencies, or leave " + transport.id() + " out of <transports>");
            }
        }
        return problems.isEmpty()
                ? new TransportSelection(selected, false, List.of())
                : new TransportSelection(Set.of(), false, problems);
    }

    /** {@code rest, grpc} (or {@code none}), as the build log shows the selection. */
    String describe() {
        List<String> ids = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            if (transports.contains(transport)) {
                ids.add(transport.id());
            }
        }
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    /** The transport's own module, as {@code groupId:artifactId}. */
    static String module(Transport transport) {
        return GROUP + ":switchboard-" + transport.id();
    }

    /** The starter a service adds for the transport. */
    static String starter(Transport transport) {
        return "switchboard-spring-boot-starter-" + transport.id();
    }

    private static Transport parse(String value) {
        for (Transport transport : Transport.values()) {
            if (transport.id().equals(value.toLowerCase(Locale.ROOT))) {
                return transport;
            }
        }
        return null;
    }

    private static String ids() {
        List<String> ids = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            ids.add(transport.id());
        }
        return String.join(" or ", ids);
    }
}
