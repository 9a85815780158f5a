package org.kubenetmigrate.executor.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.ClusterOperations;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.engine.Actor;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.engine.LockHeldException;
import org.kubenetmigrate.executor.engine.LockHolder;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.Run;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.input.InputException;

/**
 * {@code apply PLAN.json}: starts a new run of a plan. Takes the cluster's lock first (refusing, with the holder's
 * name, when another run has it), creates the run directory with a copy of the plan, then runs the steps.
 */
public final class Apply {
    private final ExecutorEnvironment env;

    public Apply(ExecutorEnvironment env) {
        this.env = env;
    }

    public RunResult run(Path planFile, Approvals approvals) throws InputException, UsageException,
            LiveAccessUnavailableException, IOException, JournalException {
        return run(planFile, approvals, null);
    }

    /**
     * As {@link #run(Path, Approvals)}, under a run id chosen beforehand (a fleet rollout fixes each member's run id
     * when it is created, so that whoever starts the member starts the same run); null: a new one.
     */
    public RunResult run(Path planFile, Approvals approvals, String fixedRunId) throws InputException, UsageException,
            LiveAccessUnavailableException, IOException, JournalException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(planFile);
        } catch (NoSuchFileException e) {
            throw new InputException(planFile.toString(), "", "no such file");
        }
        ExecutablePlan plan = Sessions.planReader().read(planFile.toString(), bytes);
        Optional<String> problem = approvals.problemWith(plan);
        if (problem.isPresent()) {
            throw new UsageException(problem.get());
        }
        ClusterOperations azure = Sessions.open(env.azure(), plan.clusterId());
        Actor actor = Actor.local(azure.principalName().orElse(null));
        String runId = fixedRunId != null ? fixedRunId : env.store().newRunId(env.clock());
        LockHolder holder = LockHolder.of(plan.clusterId(), runId, actor, env.clock().instant());
        try {
            env.lock().acquire(holder);
        } catch (LockHeldException e) {
            return Sessions.lockHeld(null, e);
        }
        Run run;
        try {
            run = env.store().create(runId, plan, bytes);
        } catch (IOException e) {
            env.lock().release(plan.clusterId(), runId);
            throw e;
        }
        return Sessions.session(env, run, azure, actor, RecordType.RUN_STARTED, "apply",
                (engine, journal) -> engine.run(run, journal, approvals));
    }
}
