package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.kube.KubeconfigException;
import org.kubenetmigrate.executor.rollout.MemberRuns;
import org.kubenetmigrate.executor.state.StateStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * The base of the commands that run a plan's steps on one cluster ({@code apply}, {@code resume},
 * {@code rollback}): their shared options, and the one sequence they follow: show the events as they come, build
 * the environment (state, engine settings, sign-in, in-cluster access), run the executor's verb, end with its exit
 * code. A command says only what differs: its arguments and its verb. Whatever the verb throws goes to the CLI's one
 * catch site ({@link FailureHandler}).
 */
abstract class RunCommand implements Callable<Integer> {
    /**
     * The help order of a command's own options: before the shared ones, which picocli lists first because they are
     * declared here, in the superclass (options without an order have -1).
     */
    static final int OWN_OPTION = -2;

    /**
     * How long a rollout member's run by hand holds its leases without renewal: the longest Blob Storage allows
     * short of infinite.
     */
    static final Duration MEMBER_LEASE = Duration.ofSeconds(60);

    /** The validate step's probe, off: for the commands that never run it (rollback undoes). */
    private static final ProbeOptions NO_PROBE = new ProbeOptions();

    @ParentCommand
    Main main;

    @Mixin
    StateOptions state;

    @Mixin
    RunOutputOption output;

    @Mixin
    RunEnvironmentOptions session;

    /** The executor's verb ({@code Apply}, {@code Resume}, {@code Rollback}) in the environment built for it. */
    abstract RunResult execute(ExecutorEnvironment env) throws Exception;

    /** What the command works on, as its one-line outcome names it ({@code rollback RUN_ID}). */
    abstract String subject();

    /** Whether and how the validate step runs the probe workload. */
    ProbeOptions probe() {
        return NO_PROBE;
    }

    /**
     * The verb on a rollout member's run in a shared state ({@code --state} a Blob container URL), by hand under the
     * member's lease and its cluster's lock (the logic is in {@link MemberRuns}).
     */
    abstract MemberRuns.Ended executeMember(MemberRuns runs, ExecutorEnvironment env) throws Exception;

    @Override
    public Integer call() throws Exception {
        RunOutput shown = RunOutput.of(main, output.format);
        if (state.shared()) {
            return memberRun(shown);
        }
        RunResult result = execute(environment(state.directory(), shown.listeners()));
        return shown.finish(result);
    }

    /** A rollout member's run: its outcome is on the board; one line on stderr says it. */
    private int memberRun(RunOutput shown) throws Exception {
        StateStore store = RolloutCommand.open(main, state.state, session.signIn);
        // The run's files are materialised in a private directory; this local path is never written.
        MemberRuns.Ended ended = executeMember(new MemberRuns(store), environment(Path.of("."), shown.listeners()));
        main.err.println(subject() + ": " + ended.status().label() + " (" + ended.message() + ")");
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

    /** The run's environment on a state directory, its events going to the listeners. */
    final ExecutorEnvironment environment(Path stateDirectory, List<EngineListener> listeners) throws CliException,
            KubeconfigException {
        return session.environment(main, stateDirectory, probe(), listeners);
    }

    /**
     * The base of the commands that take a run forward ({@code apply}, {@code resume}): they pass gates, and their
     * validate step may run the probe.
     */
    abstract static class Forward extends RunCommand {
        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
        ApprovalOptions approvals;

        @Mixin
        ProbeOptions probe;

        @Override
        final ProbeOptions probe() {
            return probe;
        }
    }
}
