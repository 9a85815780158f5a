package org.kubenetmigrate.executor.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.planfile.PlanDocument;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * A plan file the executor accepted to run: the decoded {@link PlanDocument} after every check of
 * {@link PlanReader} (the step catalogue's flags, order and request bodies), plus the plan id and the file.
 *
 * @param planId {@code sha256:<hex>} of the file's bytes; a run records it and refuses a different plan on resume
 * @param file where the plan was read from, for messages
 * @param schemaVersion the plan's {@code schemaVersion} (only 1 is read)
 * @param clusterId the managed cluster's ARM id
 * @param clusterName the cluster's name
 * @param resourceGroup the cluster's resource group
 * @param strategy the plan's strategy ({@code in-place-overlay})
 * @param fingerprint what the plan saw of the cluster
 * @param readiness the plan's readiness verdict when it was made
 * @param original the cluster's network as planned from
 * @param target the network the plan ends with
 * @param stages the stages in order
 */
public record ExecutablePlan(String planId, String file, int schemaVersion, String clusterId, String clusterName,
                             String resourceGroup, String strategy, Fingerprint fingerprint, String readiness,
                             PlanDocument.Network original, PlanDocument.Network target, List<Stage> stages) {

    public ExecutablePlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        stages = List.copyOf(stages);
    }

    /** {@code az aks VERB -g GROUP -n CLUSTER} for this plan's cluster. */
    public AzCommand aks(String verb) {
        return AzCommand.aks(verb, resourceGroup, clusterName);
    }

    public List<Step> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }

    public Optional<Step> step(StepId id) {
        return step(id.id());
    }

    public Optional<Step> step(String id) {
        return steps().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Stage> stageOf(String stepId) {
        return stages.stream().filter(s -> s.steps().stream().anyMatch(st -> st.id().equals(stepId))).findFirst();
    }

    public Optional<Step> pointOfNoReturn() {
        return steps().stream().filter(Step::pointOfNoReturn).findFirst();
    }

    /** Position of a step in run order, or -1. */
    public int indexOf(String stepId) {
        List<Step> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the step runs before the point of no return (or the plan has none). */
    public boolean beforePointOfNoReturn(String stepId) {
        int ponr = pointOfNoReturn().map(p -> indexOf(p.id())).orElse(Integer.MAX_VALUE);
        return indexOf(stepId) < ponr;
    }

    /** The first 12 hex digits of the plan id, for people. */
    public String shortId() {
        String hex = planId.startsWith("sha256:") ? planId.substring(7) : planId;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
