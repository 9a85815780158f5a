package org.kubenetmigrate.planner.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything read from the input: clusters and the networks they live in, plus the reads a live inventory could not
 * make ({@link AccessGap}), so that checks needing those resources say why they could not run. Lookups are by ARM id.
 *
 * <p>A final class rather than a record because it keeps indexes beside the lists: every cluster looks up its
 * virtual networks and route tables, so a linear scan per lookup would make a fleet of 10,000 clusters quadratic.
 * The first resource of an id wins, as in the lists.
 */
public final class Fleet {
    private final List<ManagedCluster> clusters;
    private final List<VirtualNetwork> virtualNetworks;
    private final List<RouteTable> routeTables;
    private final List<AccessGap> accessGaps;
    private final List<InputConflict> conflicts;
    private final Surroundings surroundings;
    private volatile java.util.Set<ArmId> clusterSubnets;
    private volatile Map<ArmId, int[]> routeTablesByVirtualNetwork;
    private volatile Map<ArmId, int[]> addressHoldersByVirtualNetwork;
    private final ReentrantLock clusterSubnetsLock = new ReentrantLock();
    private final Object routeTableIndexLock = new Object();
    private final Object addressHolderIndexLock = new Object();
    private final Map<ArmId, NetworkSecurityGroup> securityGroupsById = new HashMap<>();
    private final Map<String, List<NetworkSecurityGroup>> securityGroupsByGroup = new HashMap<>();
    private final Map<String, List<ResourceLock>> locksBySubscription = new HashMap<>();
    private final Map<ArmId, VirtualNetwork> virtualNetworksById = new HashMap<>();
    private final Map<ArmId, RouteTable> routeTablesById = new HashMap<>();
    private final Map<String, List<VirtualNetwork>> virtualNetworksByGroup = new HashMap<>();

    /** A fleet read from files, where every read was possible. */
    public Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables) {
        this(clusters, virtualNetworks, routeTables, List.of());
    }

    public Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables,
                 List<AccessGap> accessGaps) {
        this(clusters, virtualNetworks, routeTables, accessGaps, List.of(), Surroundings.none());
    }

    /**
     * @param conflicts resources read twice with different content; the lists hold the first copy of each
     */
    public Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables,
                 List<AccessGap> accessGaps, List<InputConflict> conflicts) {
        this(clusters, virtualNetworks, routeTables, accessGaps, conflicts, Surroundings.none());
    }

    /** A fleet with what surrounds it: locks, network security groups, compute usages, effective routes. */
    public Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables,
                 List<AccessGap> accessGaps, Surroundings surroundings) {
        this(clusters, virtualNetworks, routeTables, accessGaps, List.of(), surroundings);
    }

    /**
     * @param conflicts resources read twice with different content; the lists hold the first copy of each
     * @param surroundings locks, network security groups, compute usages and effective routes
     */
    public Fleet(List<ManagedCluster> clusters, List<VirtualNetwork> virtualNetworks, List<RouteTable> routeTables,
                 List<AccessGap> accessGaps, List<InputConflict> conflicts, Surroundings surroundings) {
        this.conflicts = List.copyOf(conflicts);
        this.surroundings = Objects.requireNonNull(surroundings, "surroundings");
        this.clusters = List.copyOf(clusters);
        this.virtualNetworks = List.copyOf(virtualNetworks);
        this.routeTables = List.copyOf(routeTables);
        this.accessGaps = List.copyOf(accessGaps);
        for (VirtualNetwork v : this.virtualNetworks) {
            virtualNetworksById.putIfAbsent(v.id(), v);
            virtualNetworksByGroup.computeIfAbsent(groupKey(v.subscriptionId(), v.resourceGroup()),
                    k -> new ArrayList<>()).add(v);
        }
        for (RouteTable r : this.routeTables) {
            routeTablesById.putIfAbsent(r.id(), r);
        }
        for (NetworkSecurityGroup n : surroundings.networkSecurityGroups()) {
            securityGroupsById.putIfAbsent(n.id(), n);
            securityGroupsByGroup.computeIfAbsent(groupKey(n.subscriptionId(), n.resourceGroup()),
                    k -> new ArrayList<>()).add(n);
        }
        for (ResourceLock l : surroundings.locks()) {
            locksBySubscription.computeIfAbsent(l.id().subscriptionId().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(l);
        }
        // Held unmodifiable, so that the lookups below hand them out without a copy per call.
        virtualNetworksByGroup.replaceAll((k, v) -> List.copyOf(v));
        securityGroupsByGroup.replaceAll((k, v) -> List.copyOf(v));
        locksBySubscription.replaceAll((k, v) -> List.copyOf(v));
    }

    public List<ManagedCluster> clusters() {
        return clusters;
    }

    public List<VirtualNetwork> virtualNetworks() {
        return virtualNetworks;
    }

    public List<RouteTable> routeTables() {
        return routeTables;
    }

    public List<AccessGap> accessGaps() {
        return accessGaps;
    }

    public List<InputConflict> conflicts() {
        return conflicts;
    }

    /**
     * The fleet as the conflict's other copy has it: that copy in place of the first, and no conflicts (a variant is
     * judged once, not again for each conflict). The surroundings stay.
     */
    public Fleet withOtherCopy(InputConflict conflict) {
        Record copy = conflict.otherCopy();
        return new Fleet(replace(clusters, copy, ManagedCluster::id), replace(virtualNetworks, copy, VirtualNetwork::id),
                replace(routeTables, copy, RouteTable::id), accessGaps, List.of(), surroundings);
    }

    private static <T> List<T> replace(List<T> list, Record copy, java.util.function.Function<T, ArmId> id) {
        List<T> result = new ArrayList<>(list.size());
        for (T item : list) {
            @SuppressWarnings("unchecked")
            T replacement = item.getClass() == copy.getClass() && id.apply(item).equals(id.apply((T) copy)) ? (T) copy
                    : item;
            result.add(replacement);
        }
        return result;
    }

    /** Locks, network security groups, compute usages and effective routes, with what the input covers. */
    public Surroundings surroundings() {
        return surroundings;
    }

    /**
     * The subnets any cluster of the input puts nodes in (BYO subnets named by pools, and the subnets of AKS-managed
     * virtual networks in node resource groups), computed once: a route table on one of them belongs to a cluster.
     */
    public java.util.Set<ArmId> clusterSubnets() {
        java.util.Set<ArmId> subnets = clusterSubnets;
        if (subnets != null) {
            return subnets;
        }
        // Once per fleet, though every core asks at the same moment (clusters are assessed in parallel). A thread that
        // finds another building it builds the route table index meanwhile rather than wait idle: the rule asking for
        // the one asks for the other next, so the two are built side by side.
        if (!clusterSubnetsLock.tryLock()) {
            routeTableIndex();
            clusterSubnetsLock.lock();
        }
        try {
            subnets = clusterSubnets;
            if (subnets == null) {
                subnets = indexClusterSubnets();
                clusterSubnets = subnets;
            }
            return subnets;
        } finally {
            clusterSubnetsLock.unlock();
        }
    }

    private java.util.Set<ArmId> indexClusterSubnets() {
        java.util.Set<ArmId> all = new java.util.HashSet<>();
        for (ManagedCluster cluster : clusters) {
            boolean named = false;
            for (AgentPool pool : cluster.agentPools()) {
                if (pool.vnetSubnetId() != null) {
                    all.add(pool.vnetSubnetId());
                    named = true;
                }
            }
            if (!named && cluster.nodeResourceGroup() != null) {
                for (VirtualNetwork v : virtualNetworksIn(cluster.subscriptionId(), cluster.nodeResourceGroup())) {
                    for (Subnet s : NodeNetwork.managedNodeSubnets(v)) {
                        all.add(s.id());
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(all);
    }

    /**
     * The route tables of the input with a subnet in any of {@code virtualNetworkIds}, in input order. Indexed once:
     * a rule asking this for every cluster would otherwise scan every route table of the fleet per cluster.
     */
    public List<RouteTable> routeTablesOnVirtualNetworks(java.util.Collection<ArmId> virtualNetworkIds) {
        return inInputOrder(routeTables, routeTableIndex(), virtualNetworkIds);
    }

    private Map<ArmId, int[]> routeTableIndex() {
        Map<ArmId, int[]> index = routeTablesByVirtualNetwork;
        if (index == null) {
            synchronized (routeTableIndexLock) {
                index = routeTablesByVirtualNetwork;
                if (index == null) {
                    index = positionsByVirtualNetwork(routeTables, table -> {
                        List<ArmId> vnets = new ArrayList<>(table.subnetIds().size());
                        table.subnetIds().forEach(s -> s.parentVirtualNetwork().ifPresent(vnets::add));
                        return vnets;
                    });
                    routeTablesByVirtualNetwork = index;
                }
            }
        }
        return index;
    }

    /**
     * The load balancers, Application Gateways and firewalls of the input that sit in or reach into any of
     * {@code virtualNetworkIds}, in input order; indexed once like the route tables.
     */
    public List<AddressHolder> addressHoldersOnVirtualNetworks(java.util.Collection<ArmId> virtualNetworkIds) {
        List<AddressHolder> holders = surroundings.addressHolders();
        if (holders.isEmpty()) {
            return List.of();
        }
        Map<ArmId, int[]> index = addressHoldersByVirtualNetwork;
        if (index == null) {
            synchronized (addressHolderIndexLock) {
                index = addressHoldersByVirtualNetwork;
                if (index == null) {
                    index = positionsByVirtualNetwork(holders, AddressHolder::virtualNetworks);
                    addressHoldersByVirtualNetwork = index;
                }
            }
        }
        return inInputOrder(holders, index, virtualNetworkIds);
    }

    /** Per virtual network, the positions in {@code items} of those in it, ascending and each once. */
    private static <T> Map<ArmId, int[]> positionsByVirtualNetwork(List<T> items,
                                                                   java.util.function.Function<T, List<ArmId>> vnets) {
        Map<ArmId, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (ArmId vnet : vnets.apply(items.get(i))) {
                List<Integer> at = positions.computeIfAbsent(vnet, k -> new ArrayList<>());
                if (at.isEmpty() || at.get(at.size() - 1) != i) {
                    at.add(i);
                }
            }
        }
        Map<ArmId, int[]> index = new HashMap<>();
        for (Map.Entry<ArmId, List<Integer>> e : positions.entrySet()) {
            index.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return index;
    }

    /** The items indexed under any of {@code virtualNetworkIds}, in input order, each once. */
    private static <T> List<T> inInputOrder(List<T> items, Map<ArmId, int[]> index,
                                            java.util.Collection<ArmId> virtualNetworkIds) {
        // Usually one network (a cluster's own, unpeered) gives the positions as they are.
        int[] positions = null;
        boolean merged = false;
        for (ArmId id : virtualNetworkIds) {
            int[] at = index.get(id);
            if (at == null) {
                continue;
            }
            if (positions == null) {
                positions = at;
            } else {
                int[] both = java.util.Arrays.copyOf(positions, positions.length + at.length);
                System.arraycopy(at, 0, both, positions.length, at.length);
                positions = both;
                merged = true;
            }
        }
        if (positions == null) {
            return List.of();
        }
        if (merged) {
            positions = java.util.Arrays.stream(positions).sorted().distinct().toArray();
        }
        List<T> result = new ArrayList<>(positions.length);
        for (int i : positions) {
            result.add(items.get(i));
        }
        return result;
    }

    /** A network security group of the input by id (indexed: every cluster looks up its node subnets' NSGs). */
    public Optional<NetworkSecurityGroup> networkSecurityGroup(ArmId id) {
        return Optional.ofNullable(securityGroupsById.get(id));
    }

    /** The network security groups in a resource group, e.g. the AKS-managed one in a node resource group. */
    public List<NetworkSecurityGroup> networkSecurityGroupsIn(String subscriptionId, String resourceGroup) {
        return List.copyOf(securityGroupsByGroup.getOrDefault(groupKey(subscriptionId, resourceGroup), List.of()));
    }

    /** The locks of the input in one subscription: a lock applies only to what lies under its scope. */
    public List<ResourceLock> locksIn(String subscriptionId) {
        return List.copyOf(locksBySubscription.getOrDefault(
                subscriptionId == null ? "" : subscriptionId.toLowerCase(Locale.ROOT), List.of()));
    }

    /** A copy of this fleet with other surroundings. */
    public Fleet withSurroundings(Surroundings other) {
        return new Fleet(clusters, virtualNetworks, routeTables, accessGaps, conflicts, other);
    }

    /** The read gap covering {@code id} (the resource itself, or its resource group or subscription), if any. */
    public Optional<AccessGap> accessGap(ArmId id) {
        return accessGaps.stream().filter(g -> g.covers(id)).findFirst();
    }

    public Optional<VirtualNetwork> virtualNetwork(ArmId id) {
        return Optional.ofNullable(virtualNetworksById.get(id));
    }

    public Optional<RouteTable> routeTable(ArmId id) {
        return Optional.ofNullable(routeTablesById.get(id));
    }

    /** Virtual networks in a resource group, e.g. the AKS-managed one in the cluster's node resource group. */
    public List<VirtualNetwork> virtualNetworksIn(String subscriptionId, String resourceGroup) {
        return List.copyOf(virtualNetworksByGroup.getOrDefault(groupKey(subscriptionId, resourceGroup), List.of()));
    }

    /** Clusters whose ARM id equals {@code nameOrId}, or whose name does (case-insensitive). */
    public List<ManagedCluster> find(String nameOrId) {
        String wanted = nameOrId.trim().toLowerCase(Locale.ROOT);
        return clusters.stream()
                .filter(c -> c.id().key().equals(wanted) || c.name().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
    }

    private static String groupKey(String subscriptionId, String resourceGroup) {
        return (subscriptionId == null ? "" : subscriptionId.toLowerCase(Locale.ROOT)) + "/"
                + (resourceGroup == null ? "" : resourceGroup.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fleet other && clusters.equals(other.clusters)
                && virtualNetworks.equals(other.virtualNetworks) && routeTables.equals(other.routeTables)
                && accessGaps.equals(other.accessGaps) && conflicts.equals(other.conflicts)
                && surroundings.equals(other.surroundings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusters, virtualNetworks, routeTables, accessGaps, conflicts, surroundings);
    }

    @Override
    public String toString() {
        return "Fleet[" + clusters.size() + " clusters, " + virtualNetworks.size() + " virtual networks, "
                + routeTables.size() + " route tables, " + accessGaps.size() + " access gaps]";
    }
}
