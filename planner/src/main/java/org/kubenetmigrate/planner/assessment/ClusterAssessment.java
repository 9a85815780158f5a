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
}
