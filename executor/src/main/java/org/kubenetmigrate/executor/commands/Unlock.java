package org.kubenetmigrate.executor.commands;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.engine.LockHolder;
import org.kubenetmigrate.executor.engine.Run;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.planner.input.InputException;

/**
 * {@code unlock RUN_ID --force}: removes the cluster lock a dead run left (its machine died, its state directory was
 * copied). Needs the run id of the holder, and refuses while a process on this machine is running that run.
 */
public final class Unlock {
    private final ExecutorEnvironment env;

    public Unlock(ExecutorEnvironment env) {
        this.env = env;
    }

    /** @return the holder whose lock was removed */
    public LockHolder run(String runId, boolean force) throws UsageException, IOException {
        List<LockHolder> holders = env.lock().holders();
        Optional<LockHolder> holder = holders.stream().filter(h -> h.runId().equals(runId)).findFirst();
        if (holder.isEmpty()) {
            throw new UsageException("no cluster lock is held by run " + runId + (holders.isEmpty() ? " (no locks"
                    + " are held)" : " (held: " + String.join(", ", holders.stream()
                    .map(h -> h.runId() + " on " + h.clusterId()).toList()) + ")"));
        }
        if (!force) {
            throw new UsageException("unlock removes the lock of " + holder.get().describe() + " on cluster "
                    + holder.get().clusterId() + "; only do that when that run is dead, and confirm with --force");
        }
        if (env.store().exists(runId)) {
            try {
                Run run = env.store().open(runId, Sessions.planReader());
                Optional<RunStore.Session> claim = env.store().claim(run);
                if (claim.isEmpty()) {
                    throw new UsageException("run " + runId + " is running right now in a process on this machine; stop"
                            + " it instead of unlocking");
                }
                claim.get().close();
            } catch (RunStore.RunNotFoundException | InputException e) {
                // No readable run here: the lock is all there is to remove.
            }
        }
        env.lock().forceUnlock(runId);
        return holder.get();
    }
}
