package dev.switchboard.it.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.ClientPolicy;
import dev.switchboard.runtime.resilience.ServerPolicy;

/**
 * Switchboard's architecture as rules: which package may reach where. {@link ProjectStructureTest}
 * holds the production classes to them; {@link ArchitectureRulesCanFailTest} shows each one catches
 * the violation it is about.
 */
final class ArchitectureRules {

    static final String RUNTIME = "dev.switchboard.runtime..";
    static final String[] TRANSPORTS = {
        "dev.switchboard.rest..", "dev.switchboard.grpc..", "dev.switchboard.kafka..", "dev.switchboard.rabbitmq..",
        "dev.switchboard.nats.."
    };
    static final String STARTERS = "dev.switchboard.spring..";
    /** Where this module's contract generates its code. */
    static final String GENERATED = "dev.switchboard.it.architecture.orders..";

    /** The policy model generated code refers to; it must keep its package. */
    static final String[] GENERATED_POLICY_TYPES = {
        "OperationDescriptor", "CallShape", "PolicySettings", "RetrySettings", "CircuitBreakerSettings",
        "RateLimitSettings", "ClientFallback", "PolicyDefaults", "Backoff"
    };

    static final ArchRule RUNTIME_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("dev.switchboard.runtime.(**)").namingSlices("runtime.$1")
            .should().beFreeOfCycles()
            .because("each runtime package builds on those below it: policy <- call <- resilience <- pipeline");

    static final ArchRule RUNTIME_ROOT_DEPENDS_ON_NO_RUNTIME_PACKAGE = noClasses()
            .that().resideInAPackage("dev.switchboard.runtime")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.runtime.*..")
            .because("the errors in the runtime's root package are what every other package builds on");

    static final ArchRule POLICY_MODEL_DEPENDS_ON_NOTHING_BUT_THE_ERRORS = classes()
            .that().resideInAPackage("dev.switchboard.runtime.policy")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.switchboard.runtime",
                    "dev.switchboard.runtime.policy", "dev.switchboard.runtime.security")
            .because("the policy model is the bottom layer (with who may call, the security model's plain values);"
                    + " the engine that needs call deadlines lives in runtime.resilience");

    static final ArchRule NOTHING_IN_THE_RUNTIME_USES_THE_PIPELINES = noClasses()
            .that().resideInAPackage(RUNTIME).and().resideOutsideOfPackage("dev.switchboard.runtime.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.runtime.pipeline..")
            .because("the call pipelines are the top of the runtime's call layers, used by transports");

    static final ArchRule RUNTIME_USES_NO_FRAMEWORK_NOR_TRANSPORT_LIBRARY = noClasses()
            .that().resideInAPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.grpc..",
                    "org.apache.kafka..", "com.rabbitmq..", "io.nats..")
            .because("the runtime is the transport-neutral core every transport module builds on");

    static final ArchRule GRPC_TRANSPORT_USES_NO_SPRING = noClasses()
            .that().resideInAPackage("dev.switchboard.grpc..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("switchboard-grpc is grpc-java only; Spring gRPC comes in through the starter");

    static final ArchRule RUNTIME_AND_TRANSPORTS_NEVER_USE_A_STARTER = noClasses()
            .that().resideInAnyPackage(concat(RUNTIME, TRANSPORTS))
            .should().dependOnClassesThat().resideInAPackage(STARTERS)
            .because("starters configure transports; generated code compiles against transports without a starter");

    static final ArchRule REST_AND_GRPC_CALL_THROUGH_THE_PIPELINES = noClasses()
            .that().resideInAnyPackage("dev.switchboard.rest..", "dev.switchboard.grpc..")
            .should().dependOnClassesThat().belongToAnyOf(ClientPolicy.class, ServerPolicy.class, CallObservations.class)
            .orShould().callMethod(CallContext.class, "enter", OperationDescriptor.class, Deadline.class)
            .because("observation, admission, retries and the call context are applied once, by the runtime's pipelines");

    static final ArchRule GENERATED_CODE_USES_ONLY_THE_PUBLIC_SURFACE = classes()
            .that().resideInAPackage(GENERATED)
            .should().onlyDependOnClassesThat(resideInAnyPackage(GENERATED, "java..",
                    "dev.switchboard.runtime", "dev.switchboard.runtime.policy", "dev.switchboard.runtime.stream",
                    "dev.switchboard.runtime.validation", "dev.switchboard.runtime.protobuf",
                    "dev.switchboard.runtime.messaging", "dev.switchboard.rest", "dev.switchboard.grpc",
                    "com.fasterxml.jackson.annotation..", "tools.jackson..", "com.google.protobuf..", "io.grpc..",
                    "org.springframework.."))
            .because("generated code binds to a small, stable surface: never an engine, a pipeline, "
                    + "a transport's server or client package, nor a starter");

    static final ArchRule GENERATED_POLICY_TYPES_KEEP_THEIR_PACKAGE = classes()
            .that().resideInAPackage("dev.switchboard..")
            .and().haveNameMatching(".*\\.(" + String.join("|", GENERATED_POLICY_TYPES) + ")")
            .should().resideInAPackage("dev.switchboard.runtime.policy")
            .because("generated code refers to them in dev.switchboard.runtime.policy");

    private ArchitectureRules() {}

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
