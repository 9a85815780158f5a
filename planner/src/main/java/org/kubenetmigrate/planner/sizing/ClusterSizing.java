package org.kubenetmigrate.planner.sizing;

import java.util.List;

/**
 * Sizing for one cluster.
 *
 * @param maxNodes sum over pools of maxCount (autoscaling) or count
 * @param surgeNodes sum over pools of their surge: all pools reimage at once
 * @param podCidr the Overlay pod CIDR decision
 * @param podSubnet Pod Subnet sizes, present for the pod-subnet target only
 */
public record ClusterSizing(int maxNodes, int surgeNodes, List<PoolSizing> pools, PodCidrSizing podCidr,
                            PodSubnetSizing podSubnet) {

    public ClusterSizing {
        pools = List.copyOf(pools);
    }

    public int requiredNodes() {
        return maxNodes + surgeNodes;
    }
}
