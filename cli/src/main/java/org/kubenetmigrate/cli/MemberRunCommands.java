package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import org.kubenetmigrate.executor.state.StateStore;

/**
 * What {@code apply}, {@code resume} and {@code rollback} share when {@code --state} is a Blob container: the run is
 * a rollout member's, run by hand under the member's lease and its cluster's lock (the logic is in
 * {@link MemberRuns}); here only the environment and the exit code.
 */
final class MemberRunCommands {
    /** A run by hand keeps its leases this long without renewal (the longest Blob Storage allows but infinite). */
    static final Duration LEASE = Duration.ofSeconds(60);

    private MemberRunCommands() {
    }

    interface ByHand {
        MemberRuns.Ended run(MemberRuns runs, ExecutorEnvironment env) throws Exception;
    }

    static int run(Main main, StateOptions state, RunOptions run, SignInOptions signIn, InClusterOptions inCluster,
                   ProbeOptions probe, String what, ByHand byHand) throws Exception {
        StateStore store = RolloutCommand.open(main, state.state, signIn);
        AtomicInteger rendered = new AtomicInteger();
        // The run's files are materialised in a private directory; this local path is never written.
        ExecutorEnvironment env = RunCommands.environment(main, Path.of("."), run.settings(),
                RunCommands.renderers(main, run.output, rendered), signIn)
                .withKube(inCluster.forRun(main.env, signIn, probe));
        MemberRuns.Ended ended = RolloutCommand.call(() -> {
            try {
                return byHand.run(new MemberRuns(store), env);
            } catch (RuntimeException | java.io.IOException | org.kubenetmigrate.executor.commands.UsageException
                     | org.kubenetmigrate.planner.input.InputException
                     | org.kubenetmigrate.executor.rollout.HeldException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
        });
        main.err.println(what + ": " + ended.status().label() + " (" + ended.message() + ")");
        main.err.flush();
        if (ended.run() != null) {
            return ExitCodes.forRun(ended.run());
        }
        return switch (ended.status()) {
            case COMPLETED -> ExitCodes.OK;
            case PENDING -> ExitCodes.STOPPED_AT_GATE;
            default -> ExitCodes.STEP_FAILED;
        };
    }
}
