package dev.switchboard.contract;

import java.util.Locale;

/**
 * The one place that turns contract names into protobuf names. The validator uses it to reject
 * fields and enum values that would share a protobuf name; the .proto writer, and any test that
 * drives protoc-generated classes, use it to write them.
 */
public final class ProtoNames {

    private ProtoNames() {}

    /** A field name in proto style: {@code customerId} becomes {@code customer_id}. */
    public static String fieldName(String camelCase) {
        return words(camelCase).toLowerCase(Locale.ROOT);
    }

    /** An enum value prefix: {@code OrderStatus} becomes {@code ORDER_STATUS}. */
    public static String enumPrefix(String typeName) {
        return words(typeName).toUpperCase(Locale.ROOT);
    }

    /** An enum value as protobuf style wants it: prefixed by its enum, {@code ORDER_STATUS_PENDING}. */
    public static String enumValue(String typeName, String valueName) {
        return enumPrefix(typeName) + "_" + valueName;
    }

    /** An rpc name: {@code createOrder} becomes {@code CreateOrder}. */
    public static String methodName(String operationName) {
        return operationName.isEmpty()
                ? operationName
                : Character.toUpperCase(operationName.charAt(0)) + operationName.substring(1);
    }

    /** The .proto file of a service: {@code Orders} becomes {@code orders.proto}. */
    public static String fileName(String service) {
        return service.toLowerCase(Locale.ROOT) + ".proto";
    }

    /**
     * The words of a camel- or Pascal-case name joined by underscores, case kept. A word starts at an
     * upper-case letter after a lower-case letter or digit, and at the last capital of an acronym
     * ({@code HTTPServer} is {@code HTTP_Server}).
     */
    private static String words(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && startsWord(name, i)) {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean startsWord(String name, int i) {
        char previous = name.charAt(i - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        return Character.isUpperCase(previous) && nextIsLower;
    }
}
