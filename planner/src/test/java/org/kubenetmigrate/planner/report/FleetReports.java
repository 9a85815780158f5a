package org.kubenetmigrate.planner.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InputMetadata;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Rule;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.waivers.WaiverSet;

/**
 * Fleet reports with chosen findings, so that renderer tests say exactly what they render and do not depend on the
 * rules' wording. Clusters get real sizing and target from the assessor; their findings are then replaced.
 */
public final class FleetReports {
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    public static final List<String> RULES = RuleCatalogue.all().stream()
            .filter(r -> r.targets().contains(org.kubenetmigrate.planner.model.TargetIpam.OVERLAY))
            .map(Rule::id).toList();

    private FleetReports() {
    }

    public static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, rule + " message", rule + " remediation", "https://example.invalid/" + rule);
    }

    public static ManagedCluster cluster(String name, String subscription, String location, Map<String, String> tags) {
        ManagedCluster m = Fixtures.kubenetCluster("placeholder").build();
        ArmId id = ArmId.of("/subscriptions/" + subscription + "/resourceGroups/rg-" + subscription.substring(0, 4)
                + "/providers/Microsoft.ContainerService/managedClusters/c" + Math.abs(name.hashCode()));
        return new ManagedCluster(id, name, subscription, "rg-" + subscription.substring(0, 4), location,
                m.kubernetesVersion(), m.currentKubernetesVersion(), m.provisioningState(), m.powerState(), m.network(),
                m.identity(), m.agentPools(), false, false, false, m.nodeResourceGroup(), m.etag(), tags, m.source());
    }

    /** The cluster assessed for real (for sizing and target), with the given findings and unverified checks. */
    public static ClusterAssessment assessed(ManagedCluster m, List<Finding> findings, List<Unverified> unverified) {
        ClusterAssessment real = Fixtures.assess(m, new Fleet(List.of(m), List.of(), List.of()),
                Fixtures.options().build());
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Finding::severity));
        return new ClusterAssessment(m, real.network(), Readiness.of(true, sorted, unverified), sorted, unverified,
                real.sizing(), real.target());
    }

    public static ClusterAssessment assessed(String name, Finding... findings) {
        return assessed(cluster(name, "sub-0001", "westeurope", Map.of()), List.of(findings), List.of());
    }

    public static FleetReport report(List<ClusterAssessment> clusters) {
        return report(clusters, WaiverSet.NONE, Grouping.NONE, null);
    }

    public static FleetReport report(List<ClusterAssessment> clusters, WaiverSet waivers, Grouping groupBy,
                                     Severity failOn) {
        FleetAssessment fleet = new FleetAssessment(NOW, clusters);
        InputMetadata input = new InputMetadata(List.of("exports/"), 3, NOW.minusSeconds(3 * 86400 + 60),
                NOW.minusSeconds(86400), "file modification time", List.of());
        return new FleetReport(fleet, waivers.review(fleet, java.time.LocalDate.of(2026, 12, 1)), input, RULES,
                "overlay", groupBy, failOn);
    }
}
