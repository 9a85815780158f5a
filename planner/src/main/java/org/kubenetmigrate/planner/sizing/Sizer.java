package org.kubenetmigrate.planner.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubenetmigrate.planner.cidr.FreeBlocks;
import org.kubenetmigrate.planner.cidr.IpFamily;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.model.VirtualNetwork;

/** Computes {@link ClusterSizing}: node counts, the Overlay pod CIDR choice and, for pod-subnet, subnet sizes. */
public final class Sizer {
    private Sizer() {
    }

    public static ClusterSizing size(ManagedCluster cluster, NodeNetwork nodeNetwork, MigrationOptions options) {
        List<PoolSizing> pools = NodeCounts.perPool(cluster.agentPools());
        int maxNodes = NodeCounts.maxNodes(pools);
        int surge = NodeCounts.surgeNodes(pools);
        PodCidrSizing podCidr = PodCidrPlanner.choose(cluster.network(), nodeNetwork, options, maxNodes + surge);
        PodSubnetSizing podSubnet = options.target() == TargetIpam.POD_SUBNET
                ? podSubnet(cluster, nodeNetwork, maxNodes + surge) : null;
        return new ClusterSizing(maxNodes, surge, pools, podCidr, podSubnet);
    }

    static PodSubnetSizing podSubnet(ManagedCluster cluster, NodeNetwork nodeNetwork, int nodes) {
        // New pools keep today's pod density; kubenet's default is 110 when a pool does not say.
        int maxPods = cluster.agentPools().stream()
                .map(AgentPool::maxPods)
                .mapToInt(m -> m == null ? AzureLimits.KUBENET_DEFAULT_MAX_PODS : m)
                .max().orElse(AzureLimits.KUBENET_DEFAULT_MAX_PODS);
        SubnetSize node = SubnetFormulas.nodeSubnet(nodes);
        SubnetSize dynamic = SubnetFormulas.dynamicPodSubnet(nodes, maxPods);
        SubnetSize fixed = SubnetFormulas.staticBlockPodSubnet(nodes, maxPods);
        if (nodeNetwork.managedVnet()) {
            // A Pod Subnet cluster needs a VNet of its own; the AKS-managed one goes away with the old cluster.
            return new PodSubnetSizing(nodes, maxPods, node, dynamic, fixed, null, null,
                    "the cluster uses the AKS-managed virtual network, which is removed with the old cluster;"
                            + " a Pod Subnet cluster needs a virtual network of your own");
        }
        if (!nodeNetwork.vnetKnown() || nodeNetwork.virtualNetworks().isEmpty()) {
            return new PodSubnetSizing(nodes, maxPods, node, dynamic, fixed, null, null,
                    "the virtual network is not in the input, so free ranges cannot be proposed");
        }
        List<IpPrefix> space = new ArrayList<>();
        List<IpPrefix> taken = new ArrayList<>();
        for (VirtualNetwork vnet : nodeNetwork.virtualNetworks()) {
            vnet.addressSpace().stream().filter(p -> p.family() == IpFamily.IPV4).forEach(space::add);
            vnet.subnets().forEach(s -> taken.addAll(s.addressPrefixes()));
        }
        // The new cluster reuses the service CIDR, and AKS refuses a create whose service CIDR overlaps a subnet
        // (ServiceCidrOverlapExistingSubnetsCidr, https://github.com/Azure/AKS/issues/3551). The old cluster's pod
        // CIDR stays routed until that cluster is deleted, and the reserved ranges are refused everywhere.
        taken.addAll(cluster.network().allServiceCidrs());
        if (cluster.network().podCidr() != null) {
            taken.add(cluster.network().podCidr());
        }
        taken.addAll(AzureLimits.RESERVED_RANGES);
        Optional<IpPrefix> nodeRange = FreeBlocks.firstFit(space, taken, node.prefixLength());
        if (nodeRange.isEmpty()) {
            return new PodSubnetSizing(nodes, maxPods, node, dynamic, fixed, null, null,
                    "the virtual network has no free /" + node.prefixLength() + " for the node subnet");
        }
        taken.add(nodeRange.get());
        Optional<IpPrefix> podRange = FreeBlocks.firstFit(space, taken, dynamic.prefixLength());
        if (podRange.isEmpty()) {
            return new PodSubnetSizing(nodes, maxPods, node, dynamic, fixed, nodeRange.get(), null,
                    "the virtual network has no free /" + dynamic.prefixLength() + " for the pod subnet");
        }
        return new PodSubnetSizing(nodes, maxPods, node, dynamic, fixed, nodeRange.get(), podRange.get(), null);
    }
}
