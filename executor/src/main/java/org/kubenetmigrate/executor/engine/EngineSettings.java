package org.kubenetmigrate.executor.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retry budgets.
 *
 * @param operationTimeout how long to follow one long-running operation before stopping (the operation continues in
 *                         Azure; resume follows it again). Default 4 h: the plugin update reimages every pool.
 * @param pollInterval how long to wait between polls when ARM gives no {@code Retry-After}. Default 15 s.
 * @param idleTimeout how long to wait for another operation on the cluster to end before deciding. Default 1 h.
 * @param rolloutTimeout how long observe-rollout watches before stopping. Default 6 h.
 * @param stallAfter how long without any change in the cluster or a pool before saying the rollout looks stuck
 *                   and naming the likely causes. Default 20 min.
 * @param maxSendAttempts the most times one change is sent (throttled, or not applied after an error). Default 3.
 * @param maxReadAttempts the most attempts of one read on throttling, 5xx or a dropped connection. Default 5.
 * @param identitySettle how long settle-identity waits after a new identity got its rights, before anything that
 *                       needs them. Default 60 min: role assignments "may take up to 60 minutes" to apply
 *                       (https://learn.microsoft.com/azure/aks/configure-kubenet).
 * @param skipInClusterChecks true when the operator accepted, with {@code --skip-in-cluster-checks}, that precheck
 *                            proceeds without the in-cluster checks it could not run. Default false.
 */
public record EngineSettings(Duration operationTimeout, Duration pollInterval, Duration idleTimeout,
                             Duration rolloutTimeout, Duration stallAfter, int maxSendAttempts, int maxReadAttempts,
                             Duration identitySettle, boolean skipInClusterChecks) {

    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofHours(4), Duration.ofSeconds(15),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(20), 3, 5, Duration.ofMinutes(60), false);

    /** Settings from before the identity settle time, with its default. */
    public EngineSettings(Duration operationTimeout, Duration pollInterval, Duration idleTimeout,
                          Duration rolloutTimeout, Duration stallAfter, int maxSendAttempts, int maxReadAttempts) {
        this(operationTimeout, pollInterval, idleTimeout, rolloutTimeout, stallAfter, maxSendAttempts, maxReadAttempts,
                Duration.ofMinutes(60), false);
    }

    public EngineSettings {
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(rolloutTimeout, "rolloutTimeout");
        Objects.requireNonNull(stallAfter, "stallAfter");
        Objects.requireNonNull(identitySettle, "identitySettle");
        if (identitySettle.isNegative()) {
            throw new IllegalArgumentException("the identity settle time cannot be negative");
        }
        if (maxSendAttempts < 1 || maxReadAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public EngineSettings withOperationTimeout(Duration timeout) {
        return new EngineSettings(timeout, pollInterval, idleTimeout, rolloutTimeout, stallAfter, maxSendAttempts,
                maxReadAttempts, identitySettle, skipInClusterChecks);
    }

    public EngineSettings withRolloutTimeout(Duration timeout) {
        return new EngineSettings(operationTimeout, pollInterval, idleTimeout, timeout, stallAfter, maxSendAttempts,
                maxReadAttempts, identitySettle, skipInClusterChecks);
    }

    public EngineSettings withStallAfter(Duration stall) {
        return new EngineSettings(operationTimeout, pollInterval, idleTimeout, rolloutTimeout, stall, maxSendAttempts,
                maxReadAttempts, identitySettle, skipInClusterChecks);
    }

    public EngineSettings withIdentitySettle(Duration settle) {
        return new EngineSettings(operationTimeout, pollInterval, idleTimeout, rolloutTimeout, stallAfter,
                maxSendAttempts, maxReadAttempts, settle, skipInClusterChecks);
    }

    public EngineSettings withSkipInClusterChecks(boolean skip) {
        return new EngineSettings(operationTimeout, pollInterval, idleTimeout, rolloutTimeout, stallAfter,
                maxSendAttempts, maxReadAttempts, identitySettle, skip);
    }
}
