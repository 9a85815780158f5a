package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Everything read from the input: clusters and the networks they live in. Lookups are by ARM id. */
public record Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables) {

    public Fleet {
        clusters = List.copyOf(clusters);
        virtualNetworks = List.copyOf(virtualNetworks);
        routeTables = List.copyOf(routeTables);
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
