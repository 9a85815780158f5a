package org.kubenetmigrate.planner.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.model.KubernetesVersion;
import org.kubenetmigrate.planner.model.ManagedCluster;

/**
 * {@link ManagedCluster#controlPlaneVersion()}, worked out once per pair of version texts: a fleet of 10,000 clusters
 * runs a handful of versions, so a pass over the fleet parses a handful of texts rather than two per cluster (with the
 * regular expressions the parser once used, a tenth of a report's rendering). Not thread-safe: one per pass.
 */
final class ControlPlaneVersions {
    private final Map<List<String>, Optional<KubernetesVersion>> seen = new HashMap<>();

    Optional<KubernetesVersion> of(ManagedCluster m) {
        return seen.computeIfAbsent(Arrays.asList(m.kubernetesVersion(), m.currentKubernetesVersion()),
                k -> m.controlPlaneVersion());
    }
}
