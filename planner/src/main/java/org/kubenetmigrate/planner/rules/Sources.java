package org.kubenetmigrate.planner.rules;

/**
 * The sources rules cite, by the tags of shared/docs/aks-migration-facts.md §0. One place, so a moved page is
 * fixed once.
 */
public final class Sources {
    private Sources() {
    }

    private static final String AKS = "https://learn.microsoft.com/azure/aks/";

    /** D1: Update Azure CNI IPAM mode and data plane (the kubenet → Overlay procedure). */
    public static final String D1_UPDATE_AZURE_CNI = AKS + "update-azure-cni";
    /** D2: Azure CNI Overlay concepts (limits, pod CIDR rules). */
    public static final String D2_OVERLAY_CONCEPTS = AKS + "concepts-network-azure-cni-overlay";
    /** D4: IP address planning. */
    public static final String D4_IP_PLANNING = AKS + "concepts-network-ip-address-planning";
    /** D10: CNI overview, including reserved ranges. */
    public static final String D10_CNI_OVERVIEW = AKS + "concepts-network-cni-overview";
    /** D11: network policies. */
    public static final String D11_NETWORK_POLICIES = AKS + "use-network-policies";
    /** D18: rolling node pool upgrades and max surge. */
    public static final String D18_ROLLING_UPGRADES = AKS + "upgrade-aks-node-pools-rolling";
    /** D19: upgrade options (pre-upgrade validations, SubnetIsFull). */
    public static final String D19_UPGRADE_OPTIONS = AKS + "upgrade-options";
    /** D20: node pools (maxPods fixed at pool creation). */
    public static final String D20_NODE_POOLS = AKS + "create-node-pools";
    /** D23: kubenet retirement. */
    public static final String D23_KUBENET_RETIREMENT = "https://github.com/Azure/AKS/issues/4859";
    /** D27: private clusters. */
    public static final String D27_PRIVATE_CLUSTERS = AKS + "private-clusters";
    /** AKS troubleshooting: UpgradeFailed when a PodDisruptionBudget blocks draining a node (F15). */
    public static final String POD_DRAIN_FAILURE = "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/"
            + "create-upgrade-delete/error-code-poddrainfailure";
    /** Node Disruption Policy (preview): which updates reimage nodes and when the policy blocks them. */
    public static final String NODE_DISRUPTION_POLICY = AKS + "node-disruption-policy";
    /** Configure Node Disruption Policy: set Allow, run the operation, restore. */
    public static final String USE_NODE_DISRUPTION_POLICY = AKS + "use-node-disruption-policy";
    /** C1: AKS release notes. */
    public static final String C1_CHANGELOG = "https://github.com/Azure/AKS/blob/master/CHANGELOG.md";
    /** Route table shared with the App Gateway subnet failed the migration. */
    public static final String ROUTE_TABLE_SHARED_ISSUE = "https://github.com/MicrosoftDocs/azure-aks-docs/issues/334";
    /** Dual-stack IPv6 breaks mid-migration. */
    public static final String DUAL_STACK_ISSUE = "https://github.com/Azure/AKS/issues/5120";
    /** AGIC and the RP deadlock during kubenet → Overlay (an open pull request describing the bug and its fix). */
    public static final String AGIC_DEADLOCK_ISSUE = "https://github.com/Azure/application-gateway-kubernetes-ingress/pull/1789";
    /** Service CIDR overlapping a subnet. */
    public static final String SERVICE_CIDR_OVERLAP_ISSUE = "https://github.com/Azure/AKS/issues/3551";
    /** Terraform plans a replacement when network_plugin changes. */
    public static final String TERRAFORM_REPLACEMENT_ISSUE = "https://github.com/hashicorp/terraform-provider-azurerm/issues/31683";
    /** The azurerm pull request that adds an in-place upgrade path from kubenet to Overlay. */
    public static final String TERRAFORM_UPGRADE_PATH_PR = "https://github.com/hashicorp/terraform-provider-azurerm/pull/30959";
}
