package org.kubenetmigrate.planner.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.rules.RuleCatalogue;

/** The {@code report} command's engine: every cluster in the fleet assessed with the full rule catalogue. */
public final class AssessFleet {
    private final Clock clock;

    public AssessFleet(Clock clock) {
        this.clock = clock;
    }

    public FleetAssessment run(Fleet fleet, MigrationOptions options) {
        return run(fleet, options, InClusterSource.NOT_REQUESTED);
    }

    /** Assesses with in-cluster reads; the source is asked only for kubenet clusters (the others have no rules). */
    public FleetAssessment run(Fleet fleet, MigrationOptions options, InClusterSource inCluster) {
        ReadinessAssessor assessor = new ReadinessAssessor(RuleCatalogue.all(), LocalDate.now(clock));
        List<ClusterAssessment> clusters = fleet.clusters().stream()
                .map(c -> assessor.assess(c, fleet, options,
                        c.network().isKubenet() ? inCluster.read(c) : InClusterView.notRequested()))
                .toList();
        return new FleetAssessment(clock.instant(), clusters);
    }
}
