package org.kubenetmigrate.planner.assessment;

import java.util.List;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.sizing.ClusterSizing;

/** The readiness of one cluster: the verdict, findings most severe first, what could not be checked, sizing. */
public record ClusterAssessment(
        ManagedCluster cluster,
        NodeNetwork network,
        Readiness readiness,
        List<Finding> findings,
        List<Unverified> unverified,
        ClusterSizing sizing,
        TargetNetwork target) {

    public ClusterAssessment {
        findings = List.copyOf(findings);
        unverified = List.copyOf(unverified);
    }
}
