package org.kubenetmigrate.executor.engine;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One run per cluster at a time. The lock belongs to the <em>run</em>, not to a process: a run stopped at a gate
 * or after a failure keeps it, so that no other run interleaves its changes; the run releases it when it finishes
 * or is rolled back. {@link FileRunLock} keeps it in the state directory; a blob-lease lock (shared by several
 * machines) can implement the same interface.
 */
public interface RunLock {

    /**
     * Takes the cluster's lock for {@code holder.runId()}, or confirms that this run already holds it.
     *
     * @throws LockHeldException when another run holds it (the message names that run, who, where and since when)
     */
    void acquire(LockHolder holder) throws LockHeldException, IOException;

    /** Releases the lock if {@code runId} holds it; does nothing otherwise. */
    void release(String clusterId, String runId) throws IOException;

    /** The current holder of a cluster's lock. */
    Optional<LockHolder> holder(String clusterId) throws IOException;

    /** Every lock held, for {@code status} and {@code unlock}. */
    List<LockHolder> holders() throws IOException;

    /**
     * Removes the lock held by {@code runId}, whoever runs it: for a run that is known to be dead.
     *
     * @return the removed holder, or empty when no lock names that run
     */
    Optional<LockHolder> forceUnlock(String runId) throws IOException;
}
