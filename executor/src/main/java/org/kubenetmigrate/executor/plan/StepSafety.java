package org.kubenetmigrate.executor.plan;

import java.util.List;
import java.util.Objects;
import org.kubenetmigrate.planner.plan.StepId;

/**
 * What the executor itself decides about one step, whatever a plan file says: where it runs, whether a gate stands
 * before it, whether it can be undone, and which request-body fields it may change.
 *
 * @param id the step
 * @param stage the stage it belongs to
 * @param effect what it does to the cluster
 * @param gate true when a person must approve before it runs
 * @param oneWay whether it can be undone
 * @param pointOfNoReturn true for the step after which the migration can only go forward
 * @param compensation how it is undone
 * @param fields the request-body fields it may change (empty for steps without a cluster update)
 * @param compensationFields the fields its compensation request may change
 */
public record StepSafety(StepId id, String stage, Effect effect, boolean gate, OneWay oneWay,
                         boolean pointOfNoReturn, Undo compensation, List<BodyField> fields,
                         List<BodyField> compensationFields) {

    public StepSafety {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        fields = List.copyOf(fields);
        compensationFields = List.copyOf(compensationFields);
    }

    /** What a step does to the cluster. */
    public enum Effect {
        /** Reads only (ARM GETs, files in the run directory). */
        READS,
        /** Changes the managed cluster through one merge-into-current PUT. */
        UPDATES_CLUSTER,
        /** Changes objects inside the cluster through the Kubernetes API; no ARM request. */
        CHANGES_INSIDE_CLUSTER
    }

    /** Whether a step can be undone. */
    public enum OneWay {
        NO,
        YES,
        /** One-way unless the plan gives it a compensation (assign-identity: only from a system-assigned identity). */
        UNLESS_COMPENSATED
    }

    /** How a step is undone. */
    public enum Undo {
        /** Nothing to undo, or it cannot be. */
        NONE,
        /** A cluster update from the plan, which must change only {@link #compensationFields}. */
        REQUEST,
        /** Only when the plan gives one; then as {@link #REQUEST}. */
        OPTIONAL_REQUEST,
        /** By the step's own code (no request in the plan), e.g. re-creating ConfigMaps from the run's backup. */
        BY_THE_STEP
    }

    /** True when the step changes something, in Azure or inside the cluster. */
    public boolean changes() {
        return effect != Effect.READS;
    }

    /** "yes", "no" or "unless compensated", for tables. */
    public String oneWayText() {
        return switch (oneWay) {
            case NO -> "no";
            case YES -> pointOfNoReturn ? "yes (point of no return)" : "yes";
            case UNLESS_COMPENSATED -> "yes, unless switching back from system-assigned";
        };
    }
}
