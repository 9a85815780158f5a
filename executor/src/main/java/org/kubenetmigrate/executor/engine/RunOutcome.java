package org.kubenetmigrate.executor.engine;

/** How a command on a run ended; the CLI maps each to an exit code. */
public enum RunOutcome {
    /** Every step is done (or the run had already finished). */
    COMPLETED,
    /** Re-checked against live state and printed the requests; nothing was sent. */
    DRY_RUN,
    /** Stopped at a gate that needs approval (no terminal and no approval flag, or declined). Resumable. */
    STOPPED_AT_GATE,
    /** A step failed, Azure refused or failed a request, an operation timed out, or a check failed. Resumable. */
    STEP_FAILED,
    /** The cluster moved since the plan was made (or since the run's own last change): re-plan. */
    STALE_PLAN,
    /** Another run holds the cluster's lock, or another process runs this run now. */
    LOCK_HELD,
    /** Every completed step before the point of no return was undone. */
    ROLLED_BACK,
    /** Rollback refused: the point of no return was crossed; roll forward instead. */
    ROLLBACK_REFUSED
}
