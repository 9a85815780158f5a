package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything read from the input: clusters and the networks they live in, plus the reads a live inventory could not
 * make ({@link AccessGap}), so that checks needing those resources say why they could not run. Lookups are by ARM id.
 */
public record Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables,
        List<AccessGap> accessGaps) {

    public Fleet {
        clusters = List.copyOf(clusters);
        virtualNetworks = List.copyOf(virtualNetworks);
        routeTables = List.copyOf(routeTables);
        accessGaps = List.copyOf(accessGaps);
    }

    /** A fleet read from files, where every read was possible. */
    public Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables) {
        this(clusters, virtualNetworks, routeTables, List.of());
    }

    /** The read gap covering {@code id} (the resource itself, or its resource group or subscription), if any. */
    public Optional<AccessGap> accessGap(ArmId id) {
        return accessGaps.stream().filter(g -> g.covers(id)).findFirst();
    }

    public Optional<VirtualNetwork> virtualNetwork(ArmId id) {
        return virtualNetworks.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public Optional<RouteTable> routeTable(ArmId id) {
        return routeTables.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Virtual networks in a resource group, e.g. the AKS-managed one in the cluster's node resource group. */
    public List<VirtualNetwork> virtualNetworksIn(String subscriptionId, String resourceGroup) {
        return virtualNetworks.stream()
                .filter(v -> v.subscriptionId().equalsIgnoreCase(subscriptionId)
                        && v.resourceGroup().equalsIgnoreCase(resourceGroup))
                .toList();
    }

    /** Clusters whose ARM id equals {@code nameOrId}, or whose name does (case-insensitive). */
    public List<ManagedCluster> find(String nameOrId) {
        String wanted = nameOrId.trim().toLowerCase(Locale.ROOT);
        return clusters.stream()
                .filter(c -> c.id().key().equals(wanted) || c.name().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
    }
}
