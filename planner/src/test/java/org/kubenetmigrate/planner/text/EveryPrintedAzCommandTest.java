package org.kubenetmigrate.planner.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Planner;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.testing.EveryOutput;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Repository;

/**
 * Every az command the tool prints (every rule's finding and unverified reason, every plan step and its undo, under
 * every option set) survives a pasted resource group name that a shell would otherwise split, expand or refuse: the
 * example fleet is read again with each resource group's name grown into one with parentheses, spaces, quotes and a
 * {@code $}, and {@code /bin/sh} must give back those names as single, unexpanded words.
 */
class EveryPrintedAzCommandTest {
    /** What every resource group name gains ({@code rg-orders} becomes {@code rg (x) 'q' "d" $v-orders}). */
    static final String MARKER = "rg (x) 'q' \"d\" $v-";
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?<![A-Za-z0-9])rg-");

    @TempDir
    static Path dir;
    static Fleet fleet;

    @BeforeAll
    static void readTheFleetWithNastyResourceGroups() throws Exception {
        Path source = Repository.root().resolve("examples/fleet");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".json")).toList()) {
                Path copy = dir.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                String json = Files.readString(file, StandardCharsets.UTF_8);
                String jsonMarker = MARKER.replace("\"", "\\\"");
                Files.writeString(copy, RESOURCE_GROUP.matcher(json).replaceAll(Matcher.quoteReplacement(jsonMarker)));
            }
        }
        fleet = new FleetReader().read(List.of(dir));
    }

    @Test
    void theFleetReallyCarriesTheNastyNames() {
        assertThat(fleet.clusters()).hasSizeGreaterThan(20);
        assertThat(fleet.clusters()).allSatisfy(c -> assertThat(c.resourceGroup()).startsWith(MARKER));
    }

    @Test
    void everyPrintedAzCommandGivesTheShellTheResourceGroupAsOneWord() throws Exception {
        ReadinessAssessor assessor = new ReadinessAssessor(RuleCatalogue.all(), Fixtures.TODAY);
        Map<String, String> texts = new TreeMap<>();
        for (MigrationOptions options : EveryOutput.options()) {
            for (InClusterView view : EveryOutput.views()) {
                for (ManagedCluster cluster : fleet.clusters()) {
                    ClusterAssessment a = assessor.assess(cluster, fleet, options, view);
                    for (Finding f : a.findings()) {
                        texts.merge("rule " + f.rule(), f.message() + "\n" + f.remediation(), (x, y) -> x + "\n" + y);
                    }
                    for (Unverified u : a.unverified()) {
                        texts.merge("check " + u.check(), u.reason(), (x, y) -> x + "\n" + y);
                    }
                    MigrationPlan plan = Planner.plan(a, options);
                    for (Step step : plan.steps()) {
                        String undo = step.compensation() == null ? null : step.compensation().azCli();
                        texts.merge("step " + step.id(), step.description() + "\n" + step.azCli() + "\n" + undo,
                                (x, y) -> x + "\n" + y);
                    }
                }
            }
        }

        List<String> broken = new ArrayList<>();
        TreeSet<String> carryingTheName = new TreeSet<>();
        int checked = 0;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            for (String command : new TreeSet<>(PosixShell.azCommands(text.getValue()))) {
                checked++;
                List<String> words;
                try {
                    words = PosixShell.words(command);
                } catch (IllegalArgumentException e) {
                    broken.add(text.getKey() + ": " + e.getMessage());
                    continue;
                }
                for (int i = 1; i < words.size(); i++) {
                    String flag = words.get(i - 1);
                    String value = words.get(i);
                    boolean group = flag.equals("-g") || flag.equals("--resource-group");
                    // Ids name resource groups too; the identity the options name is not from the fleet.
                    boolean id = value.toLowerCase(Locale.ROOT).contains("/resourcegroups/")
                            && !value.contains("/resourceGroups/rg-id/");
                    if ((group && !value.startsWith("<")) || id) {
                        if (!value.contains(MARKER)) {
                            broken.add(text.getKey() + ": " + flag + " [" + value + "] in: " + command);
                        }
                        carryingTheName.add(text.getKey());
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checked).isGreaterThan(20);
        // Rules and steps of both kinds print commands naming a resource group; none may go unchecked.
        assertThat(carryingTheName).anyMatch(k -> k.startsWith("rule ")).anyMatch(k -> k.startsWith("step "));
        System.out.println("az commands checked: " + checked + "; naming a resource group in: " + carryingTheName);
    }
}
