package org.kubenetmigrate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The rules of the house as ArchUnit rules over the packages under one root. {@link ArchitectureTest} applies them
 * to the shipped classes under {@code org.kubenetmigrate}; {@link PlantedViolationsTest} applies the very same rules
 * to deliberately wrong classes under a test-only root, to show that each one can fail.
 *
 * <p>Package names below are relative to the root. docs/development/architecture.md lists the rules and why.
 */
final class Architecture {
    /**
     * Data and pure functions of data: no Azure SDK, no picocli, no JSON library, no Kubernetes client, no logging,
     * no files or network. Everything they need arrives as arguments; everything they produce is returned.
     */
    static final List<String> DOMAIN = List.of("planner.model", "planner.cidr", "planner.rules", "planner.sizing",
            "planner.plan", "planner.assessment", "planner.waivers");
    /** The planner's use cases ({@code AssessFleet}, {@code PlanCluster}): as pure as the domain, over interfaces. */
    static final List<String> USE_CASES = List.of("planner.commands");
    /** Where the planner touches the outside world; the domain never reaches into them. */
    static final List<String> PLANNER_IO = List.of("planner.input", "planner.inventory", "planner.azure",
            "planner.report", "planner.planfile", "planner.iac", "planner.commands");
    /** The Azure SDK adapters: the only code that may use {@code com.azure}. */
    static final List<String> AZURE_ADAPTERS = List.of("planner.azure", "executor.azure.sdk", "executor.azure.aks",
            "executor.azure.blob");
    /** What the domain must not use (library and JDK packages, absolute). */
    static final List<String> OUTSIDE_WORLD = List.of("com.azure..", "picocli..", "com.fasterxml.jackson..",
            "tools.jackson..", "io.fabric8..", "org.slf4j..", "ch.qos.logback..", "net.logstash..",
            "java.util.logging..", "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..");
    /**
     * Packages checked for cycles as one unit, with the reason. {@code planner.iac}'s {@code IacPatcher} picks the
     * format subpackage (arm, bicep, terraform) for a file, and those build on {@code planner.iac}'s shared types:
     * one feature whose parent dispatches to its children; no cycle leaves it.
     */
    static final List<String> ONE_SLICE = List.of("planner.iac");

    private final String root;

    Architecture(String root) {
        this.root = root;
    }

    ArchRule domainUsesNoSdkCliJsonKubernetesLoggingOrFiles() {
        return noClasses().that().resideInAnyPackage(under(DOMAIN)).or().resideInAnyPackage(under(USE_CASES))
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_WORLD.toArray(String[]::new))
                .because("the domain is data and pure functions of data; I/O lives in input, inventory, report and"
                        + " the Azure adapters");
    }

    ArchRule domainDoesNotReachIntoThePlannersIo() {
        return noClasses().that().resideInAnyPackage(under(DOMAIN))
                .should().dependOnClassesThat().resideInAnyPackage(under(PLANNER_IO))
                .because("reading, rendering and inventory call the domain, never the other way round");
    }

    ArchRule plannerNeverUsesExecutorOrCli() {
        return noClasses().that().resideInAPackage(root + ".planner..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".executor..", root + ".cli..")
                .because("dependencies point one way: cli -> executor -> planner");
    }

    ArchRule executorNeverUsesCli() {
        return noClasses().that().resideInAPackage(root + ".executor..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                .because("dependencies point one way: cli -> executor -> planner");
    }

    ArchRule engineSeesNoSdkNorKubernetesClient() {
        return noClasses().that().resideInAPackage(root + ".executor.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..", "io.fabric8..", "picocli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(under(AZURE_ADAPTERS))
                .because("the engine drives steps through the ClusterOperations and KubeAccess interfaces; SDK and"
                        + " fabric8 types stay in the adapters behind them");
    }

    ArchRule onlyTheAzureAdaptersUseTheAzureSdk() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(under(AZURE_ADAPTERS))
                .should().dependOnClassesThat().resideInAPackage("com.azure..")
                .because("Azure SDK code sits in planner.azure and executor.azure.{sdk,aks,blob}, behind small"
                        + " interfaces");
    }

    ArchRule onlyTheCliUsesPicocli() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("option parsing is the CLI's; the engine and the planner take typed values");
    }

    ArchRule noPackageCycles() {
        return slices().assignedFrom(packages()).should().beFreeOfCycles();
    }

    /** One slice per package under the root, except the {@link #ONE_SLICE} trees, one slice each. */
    SliceAssignment packages() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String relative = name.substring(root.length() + 1);
                for (String whole : ONE_SLICE) {
                    if (relative.equals(whole) || relative.startsWith(whole + ".")) {
                        return SliceIdentifier.of(whole);
                    }
                }
                return SliceIdentifier.of(relative);
            }

            @Override
            public String getDescription() {
                return "packages under " + root + " (" + String.join(", ", ONE_SLICE) + " with subpackages as one)";
            }
        };
    }

    private String[] under(List<String> relative) {
        return relative.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
    }
}
