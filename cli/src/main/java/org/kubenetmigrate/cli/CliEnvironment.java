package org.kubenetmigrate.cli;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider;
import org.kubenetmigrate.executor.engine.GatePrompt;
import org.kubenetmigrate.executor.engine.Sleeper;

/**
 * What a command line runs against besides its arguments.
 *
 * @param clock the time
 * @param azure how the executor reaches Azure: the adapter registered on the class path, if any
 * @param prompt who is asked at gates: the terminal when there is one
 * @param sleeper how the executor waits between polls
 * @param variables the process environment (KUBECONFIG, …); injected so that tests do not depend on the shell
 */
record CliEnvironment(Clock clock, ClusterOperationsProvider azure, GatePrompt prompt, Sleeper sleeper,
                      Map<String, String> variables) {

    CliEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(azure, "azure");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sleeper, "sleeper");
        variables = Map.copyOf(variables);
    }

    /** An environment with no process variables, as tests use. */
    CliEnvironment(Clock clock, ClusterOperationsProvider azure, GatePrompt prompt, Sleeper sleeper) {
        this(clock, azure, prompt, sleeper, Map.of());
    }

    static CliEnvironment standard(Clock clock) {
        return standard(clock, System.getenv());
    }

    static CliEnvironment standard(Clock clock, Map<String, String> variables) {
        return new CliEnvironment(clock, ClusterOperationsProvider.discover(), ConsoleGatePrompt.ofSystemConsole(),
                Sleeper.SYSTEM, variables);
    }
}
