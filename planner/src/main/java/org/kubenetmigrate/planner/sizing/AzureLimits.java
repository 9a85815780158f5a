package org.kubenetmigrate.planner.sizing;

import java.util.List;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/** Azure's numbers that sizing rests on, each with its source (pages under https://learn.microsoft.com/azure/aks/ unless a full URL is given). */
public final class AzureLimits {
    private AzureLimits() {
    }

    /** concepts-network-azure-cni-overlay and the Cloud Adoption Framework say 5 (first four and last); configure-kubenet still says the first three. The larger is the safe one. */
    public static final int RESERVED_ADDRESSES_PER_SUBNET = 5;

    /** Overlay (and kubenet) give every node one /24 of the pod CIDR, fixed (concepts-network-azure-cni-overlay, configure-kubenet). */
    public static final int NODE_POD_BLOCK_LENGTH = 24;

    /** Smallest IPv4 subnet Azure allows (https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/plan-for-ip-addressing). */
    public static final int SMALLEST_SUBNET_LENGTH = 29;

    /** Overlay clusters scale to 5,000 nodes (concepts-network-azure-cni-overlay, quotas-skus-regions; 1,000 before the page changed on 2024-03-19). */
    public static final int OVERLAY_MAX_NODES = 5_000;

    /**
     * Default maxSurge when a pool does not set it: upgrade-aks-node-pools-rolling says 1 node, best-practices-performance-scale-large says 10%. Sizing takes the larger of
     * the two for each pool, so that neither reading leaves the subnet or pod CIDR short.
     */
    public static final int DEFAULT_SURGE_PERCENT = 10;
    public static final int DEFAULT_SURGE_NODES = 1;

    /** maxPods when a pool does not say: 110 for kubenet (concepts-network-ip-address-planning, CLI/ARM default). */
    public static final int KUBENET_DEFAULT_MAX_PODS = 110;

    /**
     * Pod Subnet dynamic allocation hands out IPs in batches of 16 and asks for more below 8 free
     * (configure-azure-cni-dynamic-ip-allocation).
     */
    public static final int DYNAMIC_BATCH = 16;
    public static final int DYNAMIC_LOW_WATERMARK = 8;

    /**
     * Static block allocation hands out /28 blocks of 16 and keeps one address per node
     * (configure-azure-cni-static-block-allocation).
     */
    public static final int STATIC_BLOCK = 16;

    /**
     * "Even with a large subnet, large clusters may still be limited to 65k pods due to an Azure address mapping
     * limit" with dynamic allocation (configure-azure-cni-static-block-allocation); static block allocation goes beyond.
     */
    public static final int DYNAMIC_ALLOCATION_MAX_PODS = 65_000;

    /**
     * Ranges AKS rejects for pod, service and cluster VNet ranges on create and on update
     * (concepts-network-cni-overview; pod CIDR on update since the release of 2026-05-29).
     */
    public static final List<IpPrefix> RESERVED_RANGES = List.of(
            IpPrefix.parse("169.254.0.0/16"),
            IpPrefix.parse("172.30.0.0/16"),
            IpPrefix.parse("172.31.0.0/16"),
            IpPrefix.parse("192.0.2.0/24"));
}
