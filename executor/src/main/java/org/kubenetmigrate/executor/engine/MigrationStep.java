package org.kubenetmigrate.executor.engine;

import org.kubenetmigrate.planner.plan.Compensation;
import org.kubenetmigrate.planner.plan.Step;

/**
 * One step id of a plan, implemented once. Steps decide from what they observe, so that running a finished step
 * again changes nothing (gke-network-conversion's safe re-run): the engine calls {@link #isAlreadyDone} first and
 * {@link #apply} only when the step's effect is not yet there, then always {@link #verify}.
 *
 * <p>After a crash the engine does not ask {@link #isAlreadyDone} while the journal holds an operation of this
 * step that was accepted and not seen to end: {@link #apply} is called, and it follows that operation through
 * {@link StepContext#updateCluster} instead of sending anything.
 */
public interface MigrationStep {

    /** The plan's step id this class runs. */
    String id();

    /** True when live state already shows the step's effect; then nothing is sent. */
    boolean isAlreadyDone(StepContext ctx) throws StepStop;

    /** Makes the step's change (or does its reads and writes its files). */
    void apply(StepContext ctx) throws StepStop;

    /** Checks live state after the step; throws when it is not as the step must leave it. */
    void verify(StepContext ctx) throws StepStop;

    /** True when {@link #compensate} can undo the step as planned: by default, when the plan has its request. */
    default boolean canCompensate(Step planned) {
        return planned.compensation() != null && planned.compensation().request() != null;
    }

    /**
     * Undoes the step, for {@code rollback} before the point of no return. Called only for steps whose plan entry
     * has a compensation; by default sends the plan's compensation request unless it is already in effect.
     */
    default void compensate(StepContext ctx) throws StepStop {
        Compensation compensation = ctx.step().compensation();
        if (compensation != null && compensation.request() != null) {
            ctx.compensate(compensation.request());
        }
    }
}
