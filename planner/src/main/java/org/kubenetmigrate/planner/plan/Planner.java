package org.kubenetmigrate.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

/**
 * Turns a cluster's assessment into its migration plan. Pure: no I/O, same input, same plan.
 *
 * <p>A blocked or incomplete cluster still gets its full plan, so that people can review it while the blockers are
 * being fixed; its first note names what must be resolved, and the executor's precheck refuses to run it.
 */
public final class Planner {

    private Planner() {
    }

    public static MigrationPlan plan(ClusterAssessment assessment, MigrationOptions options) {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(options, "options");
        MigrationPlan plan = switch (assessment.readiness()) {
            case NOT_APPLICABLE -> notApplicable(assessment);
            default -> switch (options.target()) {
                case OVERLAY -> OverlayPlanner.plan(assessment, options);
                case POD_SUBNET -> PodSubnetPlanner.plan(assessment, options);
            };
        };
        List<String> lead = leadingNotes(assessment);
        if (lead.isEmpty()) {
            return plan;
        }
        List<String> notes = new ArrayList<>(lead);
        notes.addAll(plan.notes());
        return new MigrationPlan(plan.assessment(), plan.fingerprint(), plan.strategy(), plan.stages(), notes);
    }

    static MigrationPlan notApplicable(ClusterAssessment assessment) {
        NetworkProfile network = assessment.cluster().network();
        String plugin = network == null || network.plugin() == null ? "no network plugin reported"
                : network.plugin() + (network.pluginMode() == null ? "" : "/" + network.pluginMode());
        return new MigrationPlan(assessment, Fingerprints.of(assessment.cluster()), PlanStrategy.NONE, List.of(),
                List.of("Nothing to migrate: the cluster already uses " + plugin + ", not kubenet."));
    }

    /** "BLOCKED: …" for blocked clusters, "INCOMPLETE: …" for clusters whose checks could not all run. */
    static List<String> leadingNotes(ClusterAssessment assessment) {
        return switch (assessment.readiness()) {
            case BLOCKED -> List.of("BLOCKED: resolve these before apply: " + String.join(", ",
                    assessment.findings().stream().filter(f -> f.severity() == Severity.BLOCKER)
                            .map(Finding::rule).distinct().toList()));
            case INCOMPLETE -> List.of("INCOMPLETE: these checks could not run; verify them before apply: "
                    + String.join(", ", assessment.unverified().stream()
                    .filter(u -> u.couldBe().atLeast(Severity.ACTION))
                    .map(Unverified::check).distinct().toList()));
            default -> List.of();
        };
    }
}
