package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.List;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.commands.ExecutorEnvironment;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.FileRunLock;
import org.kubenetmigrate.executor.engine.RunStore;

/** The environment the executor's commands run in, as the CLI builds it. */
final class RunCommands {
    private RunCommands() {
    }

    /** For the commands that only read or clear the state (status, unlock): no sign-in options of their own. */
    static ExecutorEnvironment environment(Main main, Path state, EngineSettings settings, List<EngineListener> listeners) {
        return environment(main, state, settings, listeners, main.environment.azure());
    }

    /**
     * The environment of a command that changes Azure: the provider signs in as the sign-in options say (nothing is
     * built until the executor opens it, so a refusal before that never constructs a client).
     */
    static ExecutorEnvironment environment(Main main, Path state, EngineSettings settings, List<EngineListener> listeners,
                                           SignInOptions signIn) throws CliException {
        return environment(main, state, settings, listeners, main.environment.azure().withSignIn(signIn.target()));
    }

    private static ExecutorEnvironment environment(Main main, Path state, EngineSettings settings,
                                                   List<EngineListener> listeners, ClusterOperationsProvider azure) {
        RunStore store = new RunStore(state);
        CliEnvironment cli = main.environment;
        return new ExecutorEnvironment(store, new FileRunLock(store.locksDir()), azure, cli.clock(), cli.sleeper(),
                cli.prompt(), listeners, settings, record -> { });
    }
}
