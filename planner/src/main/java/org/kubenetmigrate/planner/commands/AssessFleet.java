package org.kubenetmigrate.planner.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.model.Fleet;
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
        ReadinessAssessor assessor = new ReadinessAssessor(RuleCatalogue.all(), LocalDate.now(clock));
        // Rules are pure functions of the cluster and the (read-only) fleet, so clusters are assessed on all cores;
        // the list keeps input order.
        List<ClusterAssessment> clusters = fleet.clusters().parallelStream()
                .map(c -> assessor.assess(c, fleet, options))
                .toList();
        return new FleetAssessment(clock.instant(), clusters);
    }

    /**
     * The report: the assessment, judged against the waivers on the clock's day, with what the input was and which
     * rules ran. Renderers take it from here.
     */
    public FleetReport report(Fleet fleet, InputMetadata input, MigrationOptions options, WaiverSet waivers,
                              Grouping groupBy, Severity failOn) {
        FleetAssessment assessment = run(fleet, options);
        List<String> rules = RuleCatalogue.all().stream()
                .filter(r -> r.targets().contains(options.target()))
                .map(Rule::id)
                .toList();
        return new FleetReport(assessment, waivers.review(assessment, LocalDate.now(clock)), input, rules,
                options.target().label(), groupBy, failOn);
    }
}
