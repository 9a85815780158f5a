package org.kubenetmigrate.planner.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network a cluster's nodes live in, resolved against what the input holds: node subnets, their virtual
 * networks and route tables. What could not be found is kept as a gap with its reason, so that checks needing
 * it report themselves as unverified instead of passing.
 *
 * @param managedVnet true when no pool names a subnet, i.e. the cluster uses the AKS-managed VNet in its node
 *                    resource group
 * @param nodeSubnets node subnets found, by id
 * @param virtualNetworks the virtual networks holding the node subnets
 * @param routeTables route tables associated with the node subnets
 * @param vnetGap why the virtual network could not be resolved, if it could not
 * @param routeTableGap why a route table associated with a node subnet could not be resolved, if it could not
 */
public record NodeNetwork(
        boolean managedVnet,
        Map<ArmId, Subnet> nodeSubnets,
        List<VirtualNetwork> virtualNetworks,
        List<RouteTable> routeTables,
        Optional<String> vnetGap,
        Optional<String> routeTableGap) {

    public NodeNetwork {
        nodeSubnets = Map.copyOf(nodeSubnets);
        virtualNetworks = List.copyOf(virtualNetworks);
        routeTables = List.copyOf(routeTables);
    }

    public static NodeNetwork resolve(ManagedCluster cluster, Fleet fleet) {
        List<ArmId> subnetIds = cluster.nodeSubnetIds();
        Map<ArmId, Subnet> subnets = new LinkedHashMap<>();
        List<VirtualNetwork> vnets = new ArrayList<>();
        List<String> vnetGaps = new ArrayList<>();
        boolean managed = subnetIds.isEmpty();
        if (managed) {
            String nodeRg = cluster.nodeResourceGroup();
            List<VirtualNetwork> inNodeRg = nodeRg == null ? List.of()
                    : fleet.virtualNetworksIn(cluster.subscriptionId(), nodeRg);
            if (inNodeRg.isEmpty()) {
                String what = "the AKS-managed virtual network in node resource group " + nodeRg;
                Optional<AccessGap> gap = nodeRg == null ? Optional.empty()
                        : fleet.accessGap(ArmId.of("/subscriptions/" + cluster.subscriptionId() + "/resourceGroups/" + nodeRg));
                vnetGaps.add(gap.map(g -> g.describe(what)).orElse(what + " is not in the input"));
            }
            for (VirtualNetwork vnet : inNodeRg) {
                vnets.add(vnet);
                managedNodeSubnets(vnet).forEach(s -> subnets.put(s.id(), s));
            }
        } else {
            for (ArmId subnetId : subnetIds) {
                ArmId vnetId = subnetId.parentVirtualNetwork().orElse(null);
                Optional<VirtualNetwork> vnet = vnetId == null ? Optional.empty() : fleet.virtualNetwork(vnetId);
                if (vnet.isEmpty()) {
                    String what = "virtual network " + (vnetId == null ? subnetId : vnetId) + " of node subnet "
                            + subnetId.name();
                    Optional<AccessGap> gap = fleet.accessGap(vnetId == null ? subnetId : vnetId);
                    vnetGaps.add(gap.map(g -> g.describe(what)).orElse(what + " is not in the input"));
                    continue;
                }
                if (!vnets.contains(vnet.get())) {
                    vnets.add(vnet.get());
                }
                Optional<Subnet> subnet = vnet.get().subnet(subnetId);
                if (subnet.isEmpty()) {
                    vnetGaps.add("node subnet " + subnetId.name() + " is not among the subnets of " + vnet.get().name());
                } else {
                    subnets.put(subnetId, subnet.get());
                }
            }
        }
        List<RouteTable> tables = new ArrayList<>();
        List<String> tableGaps = new ArrayList<>();
        // A loop rather than a stream: this runs for every cluster of a fleet.
        List<ArmId> tableIds = new ArrayList<>(subnets.size());
        for (Subnet subnet : subnets.values()) {
            ArmId id = subnet.routeTableId();
            if (id == null || tableIds.contains(id)) {
                continue;
            }
            tableIds.add(id);
            Optional<RouteTable> table = fleet.routeTable(id);
            if (table.isPresent()) {
                tables.add(table.get());
            } else {
                String what = "route table " + id + " associated with the node subnet";
                tableGaps.add(fleet.accessGap(id).map(g -> g.describe(what)).orElse(what + " is not in the input"));
            }
        }
        if (!vnetGaps.isEmpty()) {
            tableGaps.add(0, "the node subnet's route table association is unknown because " + vnetGaps.get(0));
        }
        return new NodeNetwork(managed, subnets, vnets, tables,
                vnetGaps.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", vnetGaps)),
                tableGaps.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", tableGaps)));
    }

    /**
     * The node subnets of an AKS-managed VNet: AKS names its subnet {@code aks-subnet}; other subnets in that VNet
     * (for example an App Gateway subnet added later) do not hold nodes. Without one of that name, every subnet
     * counts, and the checks that need to tell them apart say so.
     */
    static List<Subnet> managedNodeSubnets(VirtualNetwork vnet) {
        List<Subnet> named = vnet.subnets().stream().filter(s -> s.name().equalsIgnoreCase(MANAGED_SUBNET_NAME)).toList();
        return named.isEmpty() ? vnet.subnets() : named;
    }

    static final String MANAGED_SUBNET_NAME = "aks-subnet";

    /** True when every node subnet and its virtual network were found. */
    public boolean vnetKnown() {
        return vnetGap.isEmpty();
    }

    /** True when every route table of the node subnets was found (and the subnets themselves were). */
    public boolean routeTablesKnown() {
        return routeTableGap.isEmpty();
    }
}
