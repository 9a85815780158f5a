package org.kubenetmigrate.executor.rollout;

/**
 * This worker no longer owns the member it was running (its lease expired and may be another worker's now, or the
 * shared state could not confirm it). Thrown before anything else is written or sent; it ends the member's run in
 * this process at once, and whoever holds the lease next resumes it from the journal in the shared state.
 */
public final class ClaimLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClaimLostException(String message) {
        super(message);
    }
}
