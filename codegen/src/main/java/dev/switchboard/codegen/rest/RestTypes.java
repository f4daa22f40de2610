package dev.switchboard.codegen.rest;

import com.palantir.javapoet.ClassName;

/** The switchboard-rest and Spring Web types generated REST code refers to. */
final class RestTypes {

    private static final String REST = "dev.switchboard.rest";
    private static final String FUNCTION = "org.springframework.web.servlet.function";

    static final ClassName REST_SERVER = ClassName.get(REST, "RestServer");
    static final ClassName REST_CALLER = ClassName.get(REST, "RestCaller");
    static final ClassName REST_CALLERS = ClassName.get(REST, "RestCallers");
    static final ClassName REST_REQUEST = ClassName.get(REST, "RestRequest");
    static final ClassName REST_VALUES = ClassName.get(REST, "RestValues");

    static final ClassName ROUTER_FUNCTION = ClassName.get(FUNCTION, "RouterFunction");
    static final ClassName ROUTER_FUNCTIONS = ClassName.get(FUNCTION, "RouterFunctions");
    static final ClassName SERVER_REQUEST = ClassName.get(FUNCTION, "ServerRequest");
    static final ClassName SERVER_RESPONSE = ClassName.get(FUNCTION, "ServerResponse");
    static final ClassName HTTP_METHOD = ClassName.get("org.springframework.http", "HttpMethod");
    static final ClassName TYPE_REFERENCE = ClassName.get("tools.jackson.core.type", "TypeReference");

    private RestTypes() {}
}
