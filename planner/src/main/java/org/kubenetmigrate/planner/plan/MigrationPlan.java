package org.kubenetmigrate.planner.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;

/**
 * The ordered steps that take one cluster off kubenet, with what the plan saw of it.
 *
 * @param assessment the readiness assessment the plan was made from
 * @param fingerprint what the plan saw of the cluster, for the stale-plan check at apply time
 * @param strategy how the plan takes the cluster off kubenet
 * @param stages the stages in the order they run
 * @param notes what a reader must know beyond the steps; a plan for a blocked or incomplete cluster starts with
 *              a note naming what must be resolved before apply
 */
public record MigrationPlan(ClusterAssessment assessment, Fingerprint fingerprint, PlanStrategy strategy,
                            List<Stage> stages, List<String> notes) {

    public MigrationPlan {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(strategy, "strategy");
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }

    /** Every step, in order. */
    public List<Step> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }

    public List<String> stepIds() {
        return steps().stream().map(Step::id).toList();
    }

    public Optional<Step> step(String id) {
        return steps().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step after which the migration can only go forward, if the plan has one. */
    public Optional<Step> pointOfNoReturn() {
        return steps().stream().filter(Step::pointOfNoReturn).findFirst();
    }

    /** The stage a step belongs to. */
    public Optional<Stage> stageOf(String stepId) {
        return stages.stream().filter(s -> s.steps().stream().anyMatch(st -> st.id().equals(stepId))).findFirst();
    }
}
