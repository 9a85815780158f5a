package org.kubenetmigrate.planner.report;

import java.util.List;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.PlanFixtures;
import org.kubenetmigrate.planner.plan.Planner;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

/** Plans with a fixed set of findings, so that renderer tests do not depend on the growing rule catalogue. */
final class ReportFixtures {
    static final Finding WARNING = new Finding("agic", Severity.WARNING, "warning-message", "warning-fix", "https://w");
    static final Finding BLOCKER = new Finding("kubernetes-version", Severity.BLOCKER, "blocker-message",
            "blocker-fix", "https://b");
    static final Finding INFO = new Finding("private-cluster", Severity.INFO, "info-message", "info-fix", "https://i");
    static final Finding ACTION = new Finding("network-policy", Severity.ACTION, "action-message", "action-fix",
            "https://a");
    static final Unverified UNVERIFIED = new Unverified("route-table", "unverified-reason", Severity.BLOCKER);

    private ReportFixtures() {
    }

    /** A calico cluster's overlay plan whose assessment carries the findings above, deliberately out of order. */
    static MigrationPlan blockedCalicoPlan() {
        ClusterAssessment real = PlanFixtures.assess(PlanFixtures.cluster().policy("calico").build(),
                PlanFixtures.overlay());
        ClusterAssessment fixed = new ClusterAssessment(real.cluster(), real.network(), Readiness.BLOCKED,
                List.of(WARNING, BLOCKER, INFO, ACTION), List.of(UNVERIFIED), real.sizing(), real.target());
        return Planner.plan(fixed, PlanFixtures.overlay());
    }
}
