package org.kubenetmigrate.executor.azure.aks;

import java.time.Clock;
import java.time.Duration;
import org.kubenetmigrate.executor.engine.Sleeper;

/**
 * How run-command results are awaited.
 *
 * @param pollInterval wait between polls when ARM does not say (Retry-After wins when it does)
 * @param timeout how long one command may take from submission to result
 */
public record RunCommandSettings(Duration pollInterval, Duration timeout, Clock clock, Sleeper sleeper) {
    /** AKS starts a pod per command: tens of seconds is normal, so poll every 5 s and give up after 5 minutes. */
    public static RunCommandSettings defaults(Clock clock) {
        return new RunCommandSettings(Duration.ofSeconds(5), Duration.ofMinutes(5), clock, Sleeper.SYSTEM);
    }
}
