package dev.switchboard.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.switchboard.grpc.violation.UsesSpring;
import dev.switchboard.it.architecture.orders.violation.GeneratedUsingTheEngine;
import dev.switchboard.rest.violation.BypassesThePipelines;
import dev.switchboard.runtime.RootUsingASubpackage;
import dev.switchboard.runtime.policy.PolicyModelUsingTheEngine;
import dev.switchboard.runtime.violation.OperationDescriptor;
import dev.switchboard.runtime.violation.UsesFrameworks;
import dev.switchboard.runtime.violation.left.Left;
import dev.switchboard.runtime.violation.right.Right;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} against test-only classes that break it on purpose, so a
 * rule that would pass whatever the code does fails here. Production checks never see these classes.
 */
class ArchitectureRulesCanFailTest {

    @Test
    void aCycleBetweenRuntimePackagesIsCaught() {
        assertViolated(ArchitectureRules.RUNTIME_PACKAGES_ARE_FREE_OF_CYCLES, "runtime.violation.left", Left.class, Right.class);
    }

    @Test
    void theRuntimeRootReachingIntoASubpackageIsCaught() {
        assertViolated(ArchitectureRules.RUNTIME_ROOT_DEPENDS_ON_NO_RUNTIME_PACKAGE, "RootUsingASubpackage",
                RootUsingASubpackage.class);
    }

    @Test
    void thePolicyModelReachingIntoTheCallLayerIsCaught() {
        assertViolated(ArchitectureRules.POLICY_MODEL_DEPENDS_ON_NOTHING_BUT_THE_ERRORS, "Deadline",
                PolicyModelUsingTheEngine.class);
    }

    @Test
    void theRuntimeUsingThePipelinesIsCaught() {
        assertViolated(ArchitectureRules.NOTHING_IN_THE_RUNTIME_USES_THE_PIPELINES, "ServerPipeline", UsesFrameworks.class);
    }

    @Test
    void theRuntimeUsingSpringGrpcOrABrokerIsCaught() {
        EvaluationResult result = assertViolated(ArchitectureRules.RUNTIME_USES_NO_FRAMEWORK_NOR_TRANSPORT_LIBRARY,
                "org.springframework.core.env.Environment", UsesFrameworks.class);
        assertThat(result.getFailureReport().toString()).contains("io.grpc.Status").contains("io.nats.client.Connection");
    }

    @Test
    void theGrpcTransportUsingSpringIsCaught() {
        assertViolated(ArchitectureRules.GRPC_TRANSPORT_USES_NO_SPRING, "UsesSpring", UsesSpring.class);
    }

    @Test
    void theRuntimeOrATransportUsingAStarterIsCaught() {
        assertViolated(ArchitectureRules.RUNTIME_AND_TRANSPORTS_NEVER_USE_A_STARTER, "SwitchboardProperties",
                UsesFrameworks.class);
        assertViolated(ArchitectureRules.RUNTIME_AND_TRANSPORTS_NEVER_USE_A_STARTER, "BypassesThePipelines",
                BypassesThePipelines.class);
    }

    @Test
    void aTransportDoingThePipelinesWorkIsCaught() {
        EvaluationResult result = assertViolated(ArchitectureRules.REST_AND_GRPC_CALL_THROUGH_THE_PIPELINES,
                "ClientPolicy", BypassesThePipelines.class);
        assertThat(result.getFailureReport().toString()).contains("CallContext.enter");
    }

    @Test
    void generatedCodeReachingPastTheSurfaceIsCaught() {
        assertViolated(ArchitectureRules.GENERATED_CODE_USES_ONLY_THE_PUBLIC_SURFACE, "PolicyEngine",
                GeneratedUsingTheEngine.class);
    }

    @Test
    void aPolicyTypeMovedOutOfItsPackageIsCaught() {
        assertViolated(ArchitectureRules.GENERATED_POLICY_TYPES_KEEP_THEIR_PACKAGE,
                "dev.switchboard.runtime.violation.OperationDescriptor", OperationDescriptor.class);
    }

    private static EvaluationResult assertViolated(ArchRule rule, String mentioned, Class<?>... offenders) {
        JavaClasses classes = new ClassFileImporter().importClasses(offenders);
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s is violated by %s", rule.getDescription(), classes).isTrue();
        assertThat(result.getFailureReport().toString()).contains(mentioned);
        return result;
    }
}
