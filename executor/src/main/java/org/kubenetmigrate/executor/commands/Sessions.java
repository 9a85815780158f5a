package org.kubenetmigrate.executor.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.Actor;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.Engine;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.EventBus;
import org.kubenetmigrate.executor.engine.Journal;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.LockHeldException;
import org.kubenetmigrate.executor.engine.LockHolder;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.Run;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.engine.RunState;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.plan.PlanReader;
import org.kubenetmigrate.executor.audit.AuditLog;
import org.kubenetmigrate.executor.steps.StepCatalogue;
import org.kubenetmigrate.planner.input.InputException;

/** What apply, resume and rollback share: opening a run, its locks, journal and audit log around the engine. */
final class Sessions {
    private Sessions() {
    }

    static PlanReader planReader() {
        return new PlanReader();
    }

    static ClusterOperations open(ClusterOperationsProvider provider, String clusterId)
            throws ClusterOperationsProvider.LiveAccessUnavailableException {
        return provider.open(clusterId);
    }

    /** Opens an existing run with its replayed state, refusing a plan copy that differs from the one started. */
    static Opened openRun(ExecutorEnvironment env, String runId) throws UsageException, IOException,
            JournalException, InputException {
        Run run;
        try {
            run = env.store().open(runId, planReader());
        } catch (RunStore.RunNotFoundException e) {
            throw new UsageException(e.getMessage());
        }
        RunState state = RunState.replay(Journal.read(run.journalFile()).records());
        if (state.planId() != null && !state.planId().equals(run.plan().planId())) {
            throw new UsageException(run.planFile() + ": changed since run " + runId + " started (it was "
                    + state.planId() + ", now " + run.plan().planId() + "); a run never continues with another plan");
        }
        return new Opened(run, state);
    }

    record Opened(Run run, RunState state) {
    }

    interface Body {
        RunResult run(Engine engine, Journal journal) throws IOException;
    }

    /**
     * Claims the run for this process, takes (or re-enters) the cluster lock, opens the journal and the audit log,
     * journals who started this session, runs {@code body}, and releases the cluster lock when the run is over.
     */
    static RunResult session(ExecutorEnvironment env, Run run, ClusterOperations azure, Actor actor,
                             RecordType opening, String command, Body body) throws IOException, JournalException {
        Optional<RunStore.Session> claim = env.store().claim(run);
        if (claim.isEmpty()) {
            return new RunResult(run.id(), RunOutcome.LOCK_HELD, null, "run " + run.id()
                    + " is being run by another process (or thread) right now", List.of(
                    "Wait for it to stop, then: kubenet-migrate status " + run.id()));
        }
        try (RunStore.Session ignored = claim.get()) {
            try {
                env.lock().acquire(LockHolder.of(run.plan().clusterId(), run.id(), actor, env.clock().instant()));
            } catch (LockHeldException e) {
                return lockHeld(run.id(), e);
            }
            try (Journal journal = Journal.open(run.journalFile(), env.journalObserver());
                 AuditLog audit = AuditLog.open(run.auditFile(), run.id(), run.plan().clusterId(), actor)) {
                List<EngineListener> listeners = new ArrayList<>(env.listeners());
                listeners.add(audit);
                EventBus bus = new EventBus(listeners);
                Engine engine = new Engine(StepCatalogue.all(), azure, env.settings(), env.clock(), env.sleeper(), bus,
                        env.prompt(), actor, env.kube());
                engine.record(journal, new EngineEvent.RunStarted(env.clock().instant(), run.id(),
                        run.plan().clusterId(), run.plan().clusterName(), run.plan().planId(), run.plan().file(),
                        actor.describe(), opening == RecordType.RUN_RESUMED, command, run.plan().steps().size(),
                        actor.host(), actor.pid(), env.settings().operationTimeout().toString(),
                        env.settings().rolloutTimeout().toString(), env.settings().stallAfter().toString(),
                        env.settings().identitySettle().toString(), env.settings().skipInClusterChecks()));
                RunResult result = body.run(engine, journal);
                // The lock belongs to the run until it is over (finished, or rolled back), or while it has changed
                // something: a run that stopped before its first change holds nothing a lock must protect, and
                // the natural retry (apply the same plan again) must not meet it.
                RunState after = RunState.replay(journal.records());
                RunState.Phase phase = after.phase();
                if (phase == RunState.Phase.FINISHED || phase == RunState.Phase.ROLLED_BACK) {
                    env.lock().release(run.plan().clusterId(), run.id());
                } else if (after.changedNothing(run.plan())) {
                    env.lock().release(run.plan().clusterId(), run.id());
                    engine.record(journal, new EngineEvent.LockReleased(env.clock().instant(), run.id(),
                            run.plan().clusterId(), "nothing was changed on cluster " + run.plan().clusterName()
                            + ", so its lock is released: apply the plan again (a new run), or resume this one:"
                            + " kubenet-migrate resume " + run.id()));
                }
                return result;
            }
        }
    }

    static RunResult lockHeld(String runId, LockHeldException e) {
        return new RunResult(runId, RunOutcome.LOCK_HELD, null, e.getMessage(), List.of(
                "See the holder: kubenet-migrate status" + (e.holder() == null ? "" : " " + e.holder().runId()),
                "If that run is dead (its machine is gone): kubenet-migrate unlock "
                        + (e.holder() == null ? "RUN_ID" : e.holder().runId()) + " --force"));
    }

    static void checkApprovals(Approvals approvals, Run run) throws UsageException {
        Optional<String> problem = approvals.problemWith(run.plan());
        if (problem.isPresent()) {
            throw new UsageException(problem.get());
        }
    }
}
