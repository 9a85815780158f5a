package org.kubenetmigrate.planner.plan;

/** Whether a step can be undone. */
public enum Reversibility {
    /** It can be undone (by its compensation, or there is nothing to undo: a read). */
    REVERSIBLE,
    /** It cannot be undone, but the migration could still stop short of the point of no return. */
    ONE_WAY,
    /** The step after which the migration can only go forward. */
    POINT_OF_NO_RETURN
}
