package org.kubenetmigrate.planner.commands;

import java.time.Clock;
import java.time.LocalDate;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Planner;
import org.kubenetmigrate.planner.rules.RuleCatalogue;

/** The {@code plan} command's engine: assess one cluster and build its staged plan. */
public final class PlanCluster {
    private final Clock clock;

    public PlanCluster(Clock clock) {
        this.clock = clock;
    }

    public MigrationPlan run(Fleet fleet, String nameOrId, MigrationOptions options) throws ClusterNotFoundException {
        return run(fleet, nameOrId, options, InClusterSource.NOT_REQUESTED);
    }

    /** Plans with in-cluster reads; the source is asked only when the cluster is on kubenet. */
    public MigrationPlan run(Fleet fleet, String nameOrId, MigrationOptions options, InClusterSource inCluster)
            throws ClusterNotFoundException {
        ManagedCluster cluster = ClusterLookup.find(fleet, nameOrId);
        InClusterView view = cluster.network().isKubenet() ? inCluster.read(cluster) : InClusterView.notRequested();
        ClusterAssessment assessment = new ReadinessAssessor(RuleCatalogue.all(), LocalDate.now(clock))
                .assess(cluster, fleet, options, view);
        return Planner.plan(assessment, options);
    }
}
