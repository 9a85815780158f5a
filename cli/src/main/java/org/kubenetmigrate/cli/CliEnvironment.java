package org.kubenetmigrate.cli;

import java.time.Clock;
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
 */
record CliEnvironment(Clock clock, ClusterOperationsProvider azure, GatePrompt prompt, Sleeper sleeper) {

    CliEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(azure, "azure");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    static CliEnvironment standard(Clock clock) {
        return new CliEnvironment(clock, ClusterOperationsProvider.discover(), ConsoleGatePrompt.ofSystemConsole(),
                Sleeper.SYSTEM);
    }
}
