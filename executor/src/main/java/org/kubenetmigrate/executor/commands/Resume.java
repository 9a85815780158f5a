package org.kubenetmigrate.executor.commands;

import java.io.IOException;
import java.util.List;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.engine.Actor;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunState;
import org.kubenetmigrate.planner.input.InputException;

/**
 * {@code resume RUN_ID}: continues a stopped or crashed run from its journal. Steps the journal shows as done are
 * skipped; the step in flight is decided from live state (in effect: verified; its operation still running:
 * followed, never re-sent; failed: stopped with Azure's error).
 */
public final class Resume {
    private final ExecutorEnvironment env;

    public Resume(ExecutorEnvironment env) {
        this.env = env;
    }

    public RunResult run(String runId, Approvals approvals) throws UsageException, InputException,
            LiveAccessUnavailableException, IOException, JournalException {
        Sessions.Opened opened = Sessions.openRun(env, runId);
        RunState state = opened.state();
        if (state.phase() == RunState.Phase.FINISHED) {
            // A crash between the last record and releasing the lock must not leave the cluster locked.
            env.lock().release(opened.run().plan().clusterId(), runId);
            return new RunResult(runId, RunOutcome.COMPLETED, null, "run " + runId + " has already completed; nothing"
                    + " to do", List.of());
        }
        if (state.phase() == RunState.Phase.ROLLED_BACK) {
            throw new UsageException("run " + runId + " was rolled back; make a new plan and apply it");
        }
        if (state.rollbackStarted()) {
            throw new UsageException("run " + runId + " is being rolled back; continue that with 'rollback " + runId
                    + "'");
        }
        Sessions.checkApprovals(approvals, opened.run());
        ClusterOperations azure = Sessions.open(env.azure(), opened.run().plan().clusterId());
        Actor actor = Actor.local(azure.principalName().orElse(null));
        return Sessions.session(env, opened.run(), azure, actor, RecordType.RUN_RESUMED, "resume",
                (engine, journal) -> engine.run(opened.run(), journal, approvals));
    }
}
