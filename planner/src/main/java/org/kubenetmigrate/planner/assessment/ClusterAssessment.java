package org.kubenetmigrate.planner.assessment;

import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
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
     * INCOMPLETE only for want of what a run's precheck reads live before any change: every unrun check that could
     * block or need an action is either an in-cluster check that was not asked for, or one whose data (locks, network
     * security groups, quota usages) the input does not hold. A read that failed (no access, a refused in-cluster
     * read) does not count: the precheck would meet the same refusal. Such a cluster gets its verdict from a live
     * read, and a rollout admits it, because the member's precheck re-runs these checks and stops on a blocker or on
     * a check it cannot run.
     */
    public boolean incompleteOnlyForPrecheckReads() {
        if (readiness != Readiness.INCOMPLETE) {
            return false;
        }
        return unverified.stream()
                .filter(u -> u.couldBe().atLeast(Severity.ACTION))
                .allMatch(this::settledByPrecheck);
    }

    private boolean settledByPrecheck(Unverified u) {
        if (InClusterCheck.ALL.contains(u.check())) {
            return inCluster instanceof InClusterView.NotRequested;
        }
        return u.missingType().map(SurroundingType::readByPrecheck).orElse(false);
    }
}
