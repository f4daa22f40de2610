package dev.switchboard.codegen.rest;

import com.palantir.javapoet.ClassName;

/** The Spring and starter types generated REST code refers to, in one place. */
public final class SpringTypes {

    private static final String STARTER = "dev.switchboard.spring";
    private static final String STARTER_REST = STARTER + ".rest";
    private static final String FUNCTION = "org.springframework.web.servlet.function";
    private static final String CONDITION = "org.springframework.boot.autoconfigure.condition";

    public static final ClassName REST_SERVER = ClassName.get(STARTER_REST, "RestServer");
    public static final ClassName REST_CALLER = ClassName.get(STARTER_REST, "RestCaller");
    public static final ClassName REST_CALLERS = ClassName.get(STARTER_REST, "RestCallers");
    public static final ClassName REST_REQUEST = ClassName.get(STARTER_REST, "RestRequest");
    public static final ClassName REST_VALUES = ClassName.get(STARTER_REST, "RestValues");
    public static final ClassName SERVED_SPECIFICATION = ClassName.get(STARTER_REST, "ServedSpecification");
    public static final ClassName CONDITIONAL_ON_CLIENT = ClassName.get(STARTER, "ConditionalOnSwitchboardClient");
    public static final String AUTO_CONFIGURATION_NAME = STARTER + ".SwitchboardAutoConfiguration";

    public static final ClassName ROUTER_FUNCTION = ClassName.get(FUNCTION, "RouterFunction");
    public static final ClassName ROUTER_FUNCTIONS = ClassName.get(FUNCTION, "RouterFunctions");
    public static final ClassName SERVER_REQUEST = ClassName.get(FUNCTION, "ServerRequest");
    public static final ClassName SERVER_RESPONSE = ClassName.get(FUNCTION, "ServerResponse");
    public static final ClassName HTTP_METHOD = ClassName.get("org.springframework.http", "HttpMethod");
    public static final ClassName TYPE_REFERENCE = ClassName.get("tools.jackson.core.type", "TypeReference");

    public static final ClassName AUTO_CONFIGURATION = ClassName.get("org.springframework.boot.autoconfigure", "AutoConfiguration");
    public static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");
    public static final ClassName OBJECT_PROVIDER = ClassName.get("org.springframework.beans.factory", "ObjectProvider");
    public static final ClassName CONDITIONAL_ON_BEAN = ClassName.get(CONDITION, "ConditionalOnBean");
    public static final ClassName CONDITIONAL_ON_MISSING_BEAN = ClassName.get(CONDITION, "ConditionalOnMissingBean");
    public static final ClassName CONDITIONAL_ON_WEB_APPLICATION = ClassName.get(CONDITION, "ConditionalOnWebApplication");

    /** Where Spring Boot finds auto-configurations; one file per jar, one line per generated configuration. */
    public static final String AUTO_CONFIGURATION_IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private SpringTypes() {}
}
