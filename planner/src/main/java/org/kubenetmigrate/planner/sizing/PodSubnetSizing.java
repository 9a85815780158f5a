package org.kubenetmigrate.planner.sizing;

import org.kubenetmigrate.planner.cidr.IpPrefix;

/**
 * Subnet sizes for a new Azure CNI Pod Subnet cluster (blue/green), and free ranges proposed for them.
 *
 * @param nodes max nodes plus surge nodes
 * @param maxPods the pods per node the new pools will allow
 * @param nodeSubnet the node subnet
 * @param dynamicPodSubnet the pod subnet for dynamic IP allocation (sized for the worst case)
 * @param staticBlockPodSubnet the pod subnet for static block allocation
 * @param proposedNodeSubnet a free, aligned range in the VNet for the node subnet, or null; proposals avoid the VNet's
 *                           subnets, the service CIDR the new cluster reuses, the old cluster's pod CIDR (its routes
 *                           stay live until it is deleted) and the ranges AKS reserves
 * @param proposedPodSubnet a free, aligned range for the dynamic pod subnet, or null
 * @param noRoomReason why no ranges were proposed, or null when they were
 */
public record PodSubnetSizing(
        int nodes,
        int maxPods,
        SubnetSize nodeSubnet,
        SubnetSize dynamicPodSubnet,
        SubnetSize staticBlockPodSubnet,
        IpPrefix proposedNodeSubnet,
        IpPrefix proposedPodSubnet,
        String noRoomReason) {

    /** Pods the new cluster may run at once: nodes × maxPods. */
    public long pods() {
        return (long) nodes * maxPods;
    }

    /** Beyond about 65k pods dynamic allocation hits an Azure address mapping limit; static block allocation does not. */
    public boolean staticBlockRecommended() {
        return pods() > AzureLimits.DYNAMIC_ALLOCATION_MAX_PODS;
    }
}
