package org.kubenetmigrate.planner.assessment;

import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.sizing.ClusterSizing;

/**
 * The readiness of one cluster: the verdict, findings most severe first, what could not be checked, sizing, and
 * what was read inside the cluster ({@code inCluster}, which the planner needs for in-cluster steps).
 */
public record ClusterAssessment(
        ManagedCluster cluster,
        NodeNetwork network,
        Readiness readiness,
        List<Finding> findings,
        List<Unverified> unverified,
        ClusterSizing sizing,
        TargetNetwork target,
        InClusterView inCluster) {

    public ClusterAssessment {
        findings = List.copyOf(findings);
        unverified = List.copyOf(unverified);
        Objects.requireNonNull(inCluster, "inCluster");
    }

    /** An assessment made without in-cluster data. */
    public ClusterAssessment(ManagedCluster cluster, NodeNetwork network, Readiness readiness, List<Finding> findings,
                             List<Unverified> unverified, ClusterSizing sizing, TargetNetwork target) {
        this(cluster, network, readiness, findings, unverified, sizing, target, InClusterView.notRequested());
    }

    /**
     * INCOMPLETE only because the in-cluster checks were not asked for: every unrun check that could block or need an
     * action is read inside the cluster. A run's precheck reads them live before any change.
     */
    public boolean lacksOnlyInClusterChecks() {
        if (readiness != Readiness.INCOMPLETE || !(inCluster instanceof InClusterView.NotRequested)) {
            return false;
        }
        return unverified.stream()
                .filter(u -> u.couldBe().atLeast(org.kubenetmigrate.planner.rules.Severity.ACTION))
                .allMatch(u -> org.kubenetmigrate.planner.model.InClusterCheck.ALL.contains(u.check()));
    }
}
