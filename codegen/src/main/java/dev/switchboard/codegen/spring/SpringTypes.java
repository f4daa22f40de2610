package dev.switchboard.codegen.spring;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import java.util.Locale;

/**
 * The Spring Framework and Spring Boot types generated configurations refer to. Generated
 * configurations use only these and the types of the runtime and transport modules, never a
 * Switchboard starter, so a service compiles against what it uses.
 */
public final class SpringTypes {

    private static final String CONDITION = "org.springframework.boot.autoconfigure.condition";

    /** The starters' auto-configurations generated ones run after (by name: no compile dependency). */
    public static final String CORE_AUTO_CONFIGURATION = "dev.switchboard.spring.SwitchboardAutoConfiguration";
    public static final String REST_AUTO_CONFIGURATION = "dev.switchboard.spring.rest.SwitchboardRestAutoConfiguration";
    public static final String GRPC_AUTO_CONFIGURATION = "dev.switchboard.spring.grpc.SwitchboardGrpcAutoConfiguration";
    public static final String MESSAGING_AUTO_CONFIGURATION =
            "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration";

    public static final ClassName AUTO_CONFIGURATION = ClassName.get("org.springframework.boot.autoconfigure", "AutoConfiguration");
    public static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");
    public static final ClassName OBJECT_PROVIDER = ClassName.get("org.springframework.beans.factory", "ObjectProvider");
    public static final ClassName CONDITIONAL_ON_BEAN = ClassName.get(CONDITION, "ConditionalOnBean");
    public static final ClassName CONDITIONAL_ON_MISSING_BEAN = ClassName.get(CONDITION, "ConditionalOnMissingBean");
    public static final ClassName CONDITIONAL_ON_PROPERTY = ClassName.get(CONDITION, "ConditionalOnProperty");
    public static final ClassName CONDITIONAL_ON_WEB_APPLICATION = ClassName.get(CONDITION, "ConditionalOnWebApplication");

    /** Where Spring Boot finds auto-configurations; one file per jar, one line per generated configuration. */
    public static final String AUTO_CONFIGURATION_IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private SpringTypes() {}

    /**
     * When a generated client of {@code contract} over {@code transport} is registered:
     * {@code switchboard.services.<service>.client.transport} names it ({@code rest} when unset) and
     * the transport's {@code addressKey} is set. Boot's relaxed binding also finds the keys spelled
     * with the contract's exact service name.
     */
    public static List<AnnotationSpec> clientConditions(ServiceContract contract, String transport, String addressKey) {
        String prefix = "switchboard.services." + kebab(contract.service()) + ".client.";
        AnnotationSpec.Builder selected = AnnotationSpec.builder(CONDITIONAL_ON_PROPERTY)
                .addMember("name", "$S", prefix + "transport")
                .addMember("havingValue", "$S", transport);
        if (transport.equals("rest")) {
            selected.addMember("matchIfMissing", "true");
        }
        return List.of(selected.build(),
                AnnotationSpec.builder(CONDITIONAL_ON_PROPERTY).addMember("name", "$S", prefix + addressKey).build());
    }

    /** {@code OrderHistory} → {@code order-history}, as the starter keys services. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
