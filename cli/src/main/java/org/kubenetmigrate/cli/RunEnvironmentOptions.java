package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.kube.KubeconfigException;
import picocli.CommandLine.Mixin;

/**
 * What every command that runs steps needs besides its arguments (apply, resume, rollback, rollout work): the
 * engine's waits and acceptances, the Azure sign-in, and access inside the cluster; and the environment built from
 * them.
 */
final class RunEnvironmentOptions {
    @Mixin
    RunOptions run;

    @Mixin
    SignInOptions signIn;

    @Mixin
    InClusterOptions inCluster;

    /** The run's environment on a state directory, its events going to the listeners. */
    ExecutorEnvironment environment(Main main, Path stateDirectory, ProbeOptions probe, List<EngineListener> listeners)
            throws CliException, KubeconfigException {
        return RunCommands.environment(main, stateDirectory, run.settings(), listeners, signIn)
                .withKube(inCluster.forRun(main.env, signIn, probe));
    }
}
