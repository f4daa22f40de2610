package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;

/**
 * The runtime and library types generated code refers to. Named here, not imported, because the
 * generator does not depend on the runtime it generates calls to.
 */
public final class RuntimeTypes {

    private static final String RUNTIME = "dev.switchboard.runtime";
    private static final String VALIDATION = RUNTIME + ".validation";
    private static final String STREAM = RUNTIME + ".stream";
    static final String POLICY = RUNTIME + ".policy";
    private static final String JACKSON = "com.fasterxml.jackson.annotation";

    public static final ClassName BYTES = ClassName.get(RUNTIME, "Bytes");
    static final ClassName GENERATED = ClassName.get(RUNTIME, "Generated");
    static final ClassName FIELDS = ClassName.get(RUNTIME, "Fields");
    public static final ClassName UNKNOWN_FIELDS = ClassName.get(RUNTIME + ".protobuf", "UnknownFields");
    public static final ClassName ERROR_CODE = ClassName.get(RUNTIME, "ErrorCode");
    public static final ClassName SWITCHBOARD_EXCEPTION = ClassName.get(RUNTIME, "SwitchboardException");
    public static final ClassName SERVED_SPECIFICATION = ClassName.get(RUNTIME, "ServedSpecification");

    static final ClassName VALIDATABLE = ClassName.get(VALIDATION, "Validatable");
    static final ClassName CONSTRAINT_CHECK = ClassName.get(VALIDATION, "ConstraintCheck");

    public static final ClassName OPERATION_DESCRIPTOR = ClassName.get(POLICY, "OperationDescriptor");
    public static final ClassName CLIENT_FALLBACK = ClassName.get(POLICY, "ClientFallback");
    public static final ClassName SERVED_OPERATIONS = ClassName.get(POLICY, "ServedOperations");
    public static final ClassName SERVED_ROUTE = SERVED_OPERATIONS.nestedClass("Route");
    static final ClassName ACCESS = ClassName.get(RUNTIME + ".security", "Access");

    public static final ClassName STREAM_SINK = ClassName.get(STREAM, "StreamSink");
    public static final ClassName STREAM_SOURCE = ClassName.get(STREAM, "StreamSource");
    public static final ClassName BIDI_CALL = ClassName.get(STREAM, "BidiCall");

    static final ClassName JSON_CREATOR = ClassName.get(JACKSON, "JsonCreator");
    static final ClassName JSON_FORMAT = ClassName.get(JACKSON, "JsonFormat");
    static final ClassName JSON_IGNORE = ClassName.get(JACKSON, "JsonIgnore");
    static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get(JACKSON, "JsonIgnoreProperties");
    static final ClassName JSON_INCLUDE = ClassName.get(JACKSON, "JsonInclude");
    static final ClassName JSON_PROPERTY = ClassName.get(JACKSON, "JsonProperty");
    static final ClassName JSON_SETTER = ClassName.get(JACKSON, "JsonSetter");
    static final ClassName NULLS = ClassName.get(JACKSON, "Nulls");

    private RuntimeTypes() {}
}
