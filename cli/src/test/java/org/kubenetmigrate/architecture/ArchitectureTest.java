package org.kubenetmigrate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped classes of planner, executor and cli keep the shape docs/development/architecture.md describes. The
 * classes come from the modules' jars (or class folders) on this module's test class path, tests excluded.
 */
class ArchitectureTest {
    static final String ROOT = "org.kubenetmigrate";
    static final Architecture RULES = new Architecture(ROOT);
    static JavaClasses shipped;

    @BeforeAll
    static void importTheShippedClasses() {
        shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + ".planner", ROOT + ".executor", ROOT + ".cli");
    }

    @Test
    void theImportHoldsAllThreeModulesAndNoTestClasses() {
        assertThat(shipped.contain("org.kubenetmigrate.planner.model.ManagedCluster")).isTrue();
        assertThat(shipped.contain("org.kubenetmigrate.executor.engine.Engine")).isTrue();
        assertThat(shipped.contain("org.kubenetmigrate.cli.Main")).isTrue();
        assertThat(shipped.contain(ArchitectureTest.class)).isFalse();
        assertThat(shipped.stream().map(c -> c.getPackageName()))
                .noneMatch(p -> p.startsWith(ROOT + ".architecture") || p.startsWith(ROOT + ".testsupport"));
    }

    @Test
    void theDomainUsesNoSdkCliJsonKubernetesLoggingOrFiles() {
        RULES.domainUsesNoSdkCliJsonKubernetesLoggingOrFiles().check(shipped);
    }

    @Test
    void theDomainDoesNotReachIntoThePlannersIo() {
        RULES.domainDoesNotReachIntoThePlannersIo().check(shipped);
    }

    @Test
    void thePlannerNeverUsesTheExecutorOrTheCli() {
        RULES.plannerNeverUsesExecutorOrCli().check(shipped);
    }

    @Test
    void theExecutorNeverUsesTheCli() {
        RULES.executorNeverUsesCli().check(shipped);
    }

    @Test
    void theEngineSeesNoSdkNorKubernetesClientTypes() {
        RULES.engineSeesNoSdkNorKubernetesClient().check(shipped);
    }

    @Test
    void onlyTheAzureAdaptersUseTheAzureSdk() {
        RULES.onlyTheAzureAdaptersUseTheAzureSdk().check(shipped);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        RULES.onlyTheCliUsesPicocli().check(shipped);
    }

    @Test
    void packagesHaveNoCycles() {
        RULES.noPackageCycles().check(shipped);
    }
}
