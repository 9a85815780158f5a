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
import org.kubenetmigrate.planner.model.InputMetadata;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.report.FleetReport;
import org.kubenetmigrate.planner.report.Grouping;
import org.kubenetmigrate.planner.rules.Rule;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.WaiverSet;

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
        if (inCluster == InClusterSource.NOT_REQUESTED) {
            // Rules are pure functions of the cluster and the (read-only) fleet, so clusters are assessed on all
            // cores; the list keeps input order.
            List<ClusterAssessment> clusters = fleet.clusters().parallelStream()
                    .map(c -> assessor.assess(c, fleet, options, InClusterView.notRequested()))
                    .toList();
            return new FleetAssessment(clock.instant(), clusters);
        }
        // In-cluster reads open one API connection per cluster: one at a time.
        List<ClusterAssessment> clusters = fleet.clusters().stream()
                .map(c -> assessor.assess(c, fleet, options,
                        c.network().isKubenet() ? inCluster.read(c) : InClusterView.notRequested()))
                .toList();
        return new FleetAssessment(clock.instant(), clusters);
    }

    /**
     * The report: the assessment, judged against the waivers on the clock's day, with what the input was and which
     * rules ran. Renderers take it from here.
     */
    public FleetReport report(Fleet fleet, InputMetadata input, MigrationOptions options, WaiverSet waivers,
                              Grouping groupBy, Severity failOn) {
        return report(fleet, input, options, InClusterSource.NOT_REQUESTED, waivers, groupBy, failOn);
    }

    public FleetReport report(Fleet fleet, InputMetadata input, MigrationOptions options, InClusterSource inCluster,
                              WaiverSet waivers, Grouping groupBy, Severity failOn) {
        FleetAssessment assessment = run(fleet, options, inCluster);
        List<String> rules = RuleCatalogue.all().stream()
                .filter(r -> r.targets().contains(options.target()))
                .filter(r -> inCluster != InClusterSource.NOT_REQUESTED || !r.readsInsideTheCluster())
                .map(Rule::id)
                .toList();
        return new FleetReport(assessment, waivers.review(assessment, LocalDate.now(clock)), input, rules,
                options.target().label(), groupBy, failOn);
    }
}
