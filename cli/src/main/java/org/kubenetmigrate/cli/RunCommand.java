package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.kube.KubeconfigException;
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

    /** Whether and how the validate step runs the probe workload. */
    ProbeOptions probe() {
        return NO_PROBE;
    }

    @Override
    public Integer call() throws Exception {
        RunOutput shown = RunOutput.of(main, output.format);
        RunResult result = execute(environment(state.directory(), shown.listeners()));
        return shown.finish(result);
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
