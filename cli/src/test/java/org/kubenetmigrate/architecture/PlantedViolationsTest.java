package org.kubenetmigrate.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule {@link ArchitectureTest} checks fails on a class planted to break it: the same {@link Architecture}
 * rules, pointed at the root of the planted classes in this test tree (package {@code …architecture.planted},
 * mirroring the real package names), and imported into a set of their own.
 */
class PlantedViolationsTest {
    static final String PLANTED = "org.kubenetmigrate.architecture.planted";
    static final Architecture RULES = new Architecture(PLANTED);
    static JavaClasses planted;

    @BeforeAll
    static void importThePlantedClasses() {
        planted = new ClassFileImporter().importPackages(PLANTED);
    }

    @Test
    void aDomainRecordReadingAFileOrAnnotatedForPicocliFailsThePurityRule() {
        String report = failureOf(RULES.domainUsesNoSdkCliJsonKubernetesLoggingOrFiles());

        assertThat(report).contains("ModelReadingAFile", "java.nio.file.Files", "PlanWithACommandLineOption",
                "picocli.CommandLine$Option").doesNotContain("CleanModel");
    }

    @Test
    void thePlannerCallingTheExecutorFailsTheLayeringRule() {
        assertThat(failureOf(RULES.plannerNeverUsesExecutorOrCli()))
                .contains("PlanCallingTheExecutor", "EngineHoldingAKubernetesClient");
    }

    @Test
    void theExecutorCallingTheCliFailsTheLayeringRule() {
        assertThat(failureOf(RULES.executorNeverUsesCli())).contains("StepPrintingTheCliUsage", "PlantedCommand");
    }

    @Test
    void anEngineHoldingAFabric8ClientFailsTheEngineRule() {
        assertThat(failureOf(RULES.engineSeesNoSdkNorKubernetesClient()))
                .contains("EngineHoldingAKubernetesClient", "io.fabric8.kubernetes.client.KubernetesClient");
    }

    @Test
    void sdkCodeOutsideTheAzureAdaptersFailsTheSdkRuleButAnAdapterPasses() {
        assertThat(failureOf(RULES.onlyTheAzureAdaptersUseTheAzureSdk()))
                .contains("StepSigningIn", "com.azure.core.credential.TokenCredential")
                .doesNotContain("AdapterSigningIn");
    }

    @Test
    void picocliOutsideTheCliFailsThePicocliRule() {
        assertThat(failureOf(RULES.onlyTheCliUsesPicocli())).contains("PlanWithACommandLineOption");
    }

    @Test
    void twoPackagesCallingEachOtherFailTheCycleRule() {
        assertThat(failureOf(RULES.noPackageCycles())).contains("Cycle detected", "planner.rules",
                "planner.sizing", "RuleAskingSizing", "SizingAskingRules");
    }

    @Test
    void aRuleReadingItsOwnInputFailsTheDomainIsolationRule() {
        assertThat(failureOf(RULES.domainDoesNotReachIntoThePlannersIo()))
                .contains("RuleReadingTheInput", "PlantedReader").doesNotContain("RuleAskingSizing");
    }

    /** The rule's failure report on the planted classes; fails the test when the rule passes. */
    private static String failureOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(planted);
        assertThat(result.hasViolation()).as("the rule passes on the planted classes: " + rule.getDescription())
                .isTrue();
        assertThatThrownBy(() -> rule.check(planted)).isInstanceOf(AssertionError.class);
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
