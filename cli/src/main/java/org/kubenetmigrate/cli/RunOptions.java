package org.kubenetmigrate.cli;

import java.time.Duration;
import org.kubenetmigrate.executor.engine.EngineSettings;
import picocli.CommandLine.Option;

/** How long a run waits, and what the operator accepts: the engine's settings, for every command that runs steps. */
final class RunOptions {
    @Option(names = "--operation-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to follow one long-running operation before stopping (it continues in Azure;"
                    + " resume follows it again). Default: 4h.")
    Duration operationTimeout;

    @Option(names = "--rollout-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long observe-rollout watches the reimage before stopping. Default: 6h.")
    Duration rolloutTimeout;

    @Option(names = "--stall-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Say the reimage looks stuck (and name the likely causes) after this long without any"
                    + " change. Default: 20m.")
    Duration stallAfter;

    @Option(names = "--identity-settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After assign-identity, how long settle-identity waits (counted from the identity's"
                    + " assignment or its last role assignment, whichever is later) before anything that needs the new"
                    + " identity. Role assignments \"may take up to 60 minutes\" to apply. Default: 60m. The rights"
                    + " are checked whatever the duration.")
    Duration identitySettle;

    @Option(names = "--skip-in-cluster-checks",
            description = "Let precheck go on when it cannot read inside the cluster (no Kubernetes access, or a read"
                    + " refused), without the in-cluster checks AKS's own validation depends on (a custom"
                    + " ip-masq-agent ConfigMap above all). Your explicit acceptance; recorded in the journal and the"
                    + " audit log. Without it precheck stops before any change (exit 6).")
    boolean skipInClusterChecks;

    EngineSettings settings() {
        EngineSettings s = EngineSettings.DEFAULTS;
        if (operationTimeout != null) {
            s = s.withOperationTimeout(operationTimeout);
        }
        if (rolloutTimeout != null) {
            s = s.withRolloutTimeout(rolloutTimeout);
        }
        if (stallAfter != null) {
            s = s.withStallAfter(stallAfter);
        }
        if (identitySettle != null) {
            s = s.withIdentitySettle(identitySettle);
        }
        if (skipInClusterChecks) {
            s = s.withSkipInClusterChecks(true);
        }
        return s;
    }
}
