package org.kubenetmigrate.planner.rules;

import java.util.Optional;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.model.ManagedCluster;

/** A pool's Kubernetes version: its {@code orchestratorVersion}, else the control plane's (pools omit it in old output). */
final class PoolVersions {
    private PoolVersions() {
    }

    static Optional<KubernetesVersion> own(AgentPool pool) {
        try {
            return pool.orchestratorVersion() == null ? Optional.empty()
                    : Optional.of(KubernetesVersion.parse(pool.orchestratorVersion()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<KubernetesVersion> of(AgentPool pool, ManagedCluster cluster) {
        Optional<KubernetesVersion> own = own(pool);
        return own.isPresent() ? own : cluster.controlPlaneVersion();
    }
}
