package dev.switchboard.codegen;

/**
 * One output of generation, not yet written.
 *
 * @param relativePath path under the source or resource root, '/'-separated
 *                     (e.g. {@code com/example/orders/Order.java},
 *                     {@code META-INF/switchboard/orders/orders.proto})
 */
public record GeneratedFile(Kind kind, String relativePath, String content) {

    public enum Kind {
        /** Java source, goes to the generated-sources root. */
        SOURCE,
        /** Packaged with the service jar, goes to the generated-resources root. */
        RESOURCE
    }
}
