package dev.switchboard.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the runtime, the five transports, the six starters and the code generated from this
 * module's contract to {@link ArchitectureRules}.
 */
class ProjectStructureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
    }

    @Test
    void everyModuleIsInTheImport() {
        assertThat(production.stream().map(type -> type.getName()))
                .contains("dev.switchboard.runtime.pipeline.ServerPipeline",
                        "dev.switchboard.rest.server.DefaultRestServer",
                        "dev.switchboard.grpc.server.DefaultGrpcServer",
                        "dev.switchboard.kafka.KafkaTransport",
                        "dev.switchboard.spring.SwitchboardAutoConfiguration",
                        "dev.switchboard.spring.rest.SwitchboardRestAutoConfiguration",
                        "dev.switchboard.spring.grpc.SwitchboardGrpcAutoConfiguration",
                        "dev.switchboard.it.architecture.orders.OrdersGrpcService",
                        "dev.switchboard.it.architecture.orders.OrdersRestController")
                .noneMatch(name -> name.contains(".violation."));
        assertThat(production.stream().map(type -> type.getPackageName()))
                .anyMatch(name -> name.startsWith("dev.switchboard.rabbitmq"))
                .anyMatch(name -> name.startsWith("dev.switchboard.nats"))
                .anyMatch(name -> name.startsWith("dev.switchboard.spring.kafka"))
                .anyMatch(name -> name.startsWith("dev.switchboard.spring.rabbitmq"))
                .anyMatch(name -> name.startsWith("dev.switchboard.spring.nats"));
    }

    @Test
    void runtimePackagesAreFreeOfCycles() {
        check(ArchitectureRules.RUNTIME_PACKAGES_ARE_FREE_OF_CYCLES);
    }

    @Test
    void theRuntimeRootDependsOnNoRuntimePackage() {
        check(ArchitectureRules.RUNTIME_ROOT_DEPENDS_ON_NO_RUNTIME_PACKAGE);
    }

    @Test
    void thePolicyModelDependsOnNothingButTheErrors() {
        check(ArchitectureRules.POLICY_MODEL_DEPENDS_ON_NOTHING_BUT_THE_ERRORS);
    }

    @Test
    void nothingInTheRuntimeUsesThePipelines() {
        check(ArchitectureRules.NOTHING_IN_THE_RUNTIME_USES_THE_PIPELINES);
    }

    @Test
    void theRuntimeUsesNoFrameworkNorTransportLibrary() {
        check(ArchitectureRules.RUNTIME_USES_NO_FRAMEWORK_NOR_TRANSPORT_LIBRARY);
    }

    @Test
    void theGrpcTransportUsesNoSpring() {
        check(ArchitectureRules.GRPC_TRANSPORT_USES_NO_SPRING);
    }

    @Test
    void theRuntimeAndTheTransportsNeverUseAStarter() {
        check(ArchitectureRules.RUNTIME_AND_TRANSPORTS_NEVER_USE_A_STARTER);
    }

    @Test
    void restAndGrpcCallThroughThePipelines() {
        check(ArchitectureRules.REST_AND_GRPC_CALL_THROUGH_THE_PIPELINES);
    }

    @Test
    void generatedCodeUsesOnlyThePublicSurface() {
        check(ArchitectureRules.GENERATED_CODE_USES_ONLY_THE_PUBLIC_SURFACE);
    }

    @Test
    void thePolicyTypesGeneratedCodeUsesKeepTheirPackage() {
        check(ArchitectureRules.GENERATED_POLICY_TYPES_KEEP_THEIR_PACKAGE);
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
