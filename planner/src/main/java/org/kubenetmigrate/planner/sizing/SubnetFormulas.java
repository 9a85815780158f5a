package org.kubenetmigrate.planner.sizing;

/** Address counts per networking model (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning and the Pod Subnet pages). */
public final class SubnetFormulas {
    private SubnetFormulas() {
    }

    /** Azure CNI Node Subnet (legacy): nodes + nodes × maxPods (concepts-network-ip-address-planning, verbatim). */
    public static SubnetSize nodeSubnetLegacy(int nodes, int maxPods) {
        return SubnetSize.of((long) nodes + (long) nodes * maxPods, nodes + " + " + nodes + " × " + maxPods);
    }

    /** Node subnet for Overlay and Pod Subnet: one address per node. */
    public static SubnetSize nodeSubnet(int nodes) {
        return SubnetSize.of(nodes, nodes + " nodes");
    }

    /**
     * Dynamic IP allocation: each node takes batches of 16 and asks for another below 8 free (configure-azure-cni-dynamic-ip-allocation), so a full node
     * holds 16 × ceil((maxPods + 8) / 16). The documented minimum is 16 per node; this worst case is DERIVED.
     */
    public static SubnetSize dynamicPodSubnet(int nodes, int maxPods) {
        long perNode = (long) AzureLimits.DYNAMIC_BATCH
                * ceilDiv(maxPods + AzureLimits.DYNAMIC_LOW_WATERMARK, AzureLimits.DYNAMIC_BATCH);
        return SubnetSize.of(nodes * perNode, nodes + " × 16 × ceil((" + maxPods + " + 8) / 16)");
    }

    /** Static block allocation: /28 blocks with one address per node kept, 16 × ceil((maxPods + 1) / 16) (configure-azure-cni-static-block-allocation). */
    public static SubnetSize staticBlockPodSubnet(int nodes, int maxPods) {
        long perNode = (long) AzureLimits.STATIC_BLOCK * ceilDiv(maxPods + 1, AzureLimits.STATIC_BLOCK);
        return SubnetSize.of(nodes * perNode, nodes + " × 16 × ceil((" + maxPods + " + 1) / 16)");
    }

    /** Blocks of 16 a node takes under static allocation (configure-azure-cni-static-block-allocation worked examples: 30 → 2, 31 → 2, 32 → 3). */
    public static int staticBlocksPerNode(int maxPods) {
        return (int) ceilDiv(maxPods + 1, AzureLimits.STATIC_BLOCK);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
