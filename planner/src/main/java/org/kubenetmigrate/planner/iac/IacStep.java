package org.kubenetmigrate.planner.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;

/** Adds the infrastructure-code change to a plan, as a manual step after validate. */
public final class IacStep {
    public static final String STEP_ID = StepId.UPDATE_IAC.id();
    public static final String STAGE_ID = "infrastructure-code";

    private IacStep() {
    }

    public static MigrationPlan addTo(MigrationPlan plan, IacChange change) {
        List<Stage> stages = new ArrayList<>(plan.stages());
        stages.add(new Stage(STAGE_ID, "Infrastructure code", List.of(step(change))));
        return new MigrationPlan(plan.assessment(), plan.fingerprint(), plan.strategy(), stages, plan.notes());
    }

    static Step step(IacChange change) {
        String matches = change.matches().stream()
                .map(m -> m.address() + " (" + m.file() + ":" + m.line() + "; " + m.evidence() + ")")
                .collect(Collectors.joining("; "));
        String diff = change.diff();
        String what = diff.isEmpty() ? "The code already describes the cluster as the plan leaves it: nothing to"
                + " change." : "Apply the diff below to " + String.join(", ", change.changedFiles()) + ".";
        String findings = change.findings().isEmpty() ? ""
                : " Not settled by the diff: " + change.findings().stream().map(IacFinding::toString)
                .collect(Collectors.joining(" | ")) + ".";
        return Step.builder(StepId.UPDATE_IAC, "Make the infrastructure code describe the migrated cluster")
                .description("Found: " + matches + ". " + what + findings + " " + change.afterChange())
                .manual()
                .patch(diff)
                .build();
    }
}
