package org.kubenetmigrate.executor.commands;

import java.io.IOException;
import java.util.List;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.engine.Actor;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunState;
import org.kubenetmigrate.planner.input.InputException;

/**
 * {@code rollback RUN_ID}: before the point of no return, undoes the run's completed steps newest first (for
 * example re-enables the network policy engine); after it, refuses and prints how to roll forward.
 */
public final class Rollback {
    private final ExecutorEnvironment env;

    public Rollback(ExecutorEnvironment env) {
        this.env = env;
    }

    public RunResult run(String runId) throws UsageException, InputException, LiveAccessUnavailableException,
            IOException, JournalException {
        Sessions.Opened opened = Sessions.openRun(env, runId);
        if (opened.state().phase() == RunState.Phase.ROLLED_BACK) {
            env.lock().release(opened.run().plan().clusterId(), runId);
            return new RunResult(runId, RunOutcome.ROLLED_BACK, null, "run " + runId + " was already rolled back",
                    List.of());
        }
        if (opened.state().phase() == RunState.Phase.FINISHED) {
            env.lock().release(opened.run().plan().clusterId(), runId);
            String ponr = opened.run().plan().pointOfNoReturn().map(s -> " after " + s.id()).orElse("");
            return new RunResult(runId, RunOutcome.ROLLBACK_REFUSED, null, "run " + runId + " has completed: cluster "
                    + opened.run().plan().clusterName() + " runs Azure CNI Overlay, and there is no way back to"
                    + " kubenet" + ponr + "; there is nothing to roll back, and nothing left to resume", List.of(
                    "See what the run did: kubenet-migrate status " + runId));
        }
        ClusterOperations azure = Sessions.open(env.azure(), opened.run().plan().clusterId());
        Actor actor = Actor.local(azure.principalName().orElse(null));
        return Sessions.session(env, opened.run(), azure, actor, RecordType.RUN_RESUMED, "rollback",
                (engine, journal) -> engine.rollback(opened.run(), journal));
    }
}
