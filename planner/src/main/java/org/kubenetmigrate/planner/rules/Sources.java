package org.kubenetmigrate.planner.rules;

/**
 * The sources rules and plans cite, as URLs a reader can open. One place, so a moved page is fixed once. The date
 * beside each is the page's last change (or the release's date) when it was last checked.
 */
public final class Sources {
    private Sources() {
    }

    private static final String AKS = "https://learn.microsoft.com/azure/aks/";
    private static final String RELEASES = "https://github.com/Azure/AKS/releases/tag/";

    /** Update Azure CNI IPAM mode and data plane: the kubenet → Overlay procedure (2026-05-12). */
    public static final String UPDATE_AZURE_CNI = AKS + "update-azure-cni";
    /** Azure CNI Overlay concepts: limits, pod CIDR rules, NSGs (2026-07-31). */
    public static final String OVERLAY_CONCEPTS = AKS + "concepts-network-azure-cni-overlay";
    /** Configure Azure CNI Overlay, including dual-stack and what it does not support (2026-08-06). */
    public static final String CONFIGURE_OVERLAY = AKS + "azure-cni-overlay";
    /** Azure CNI Powered by Cilium: limitations (ipBlock, host-network pods), dual-stack (2026-08-11). */
    public static final String CILIUM = AKS + "azure-cni-powered-by-cilium";
    /** IP address planning (2026-07-02). */
    public static final String IP_PLANNING = AKS + "concepts-network-ip-address-planning";
    /** CNI overview, including reserved ranges and NSGs (2026-07-30). */
    public static final String CNI_OVERVIEW = AKS + "concepts-network-cni-overview";
    /** Network policies: install, uninstall, Azure NPM retirement (2026-08-18). */
    public static final String NETWORK_POLICIES = AKS + "use-network-policies";
    /** Rolling node pool upgrades and max surge (2026-08-10). */
    public static final String ROLLING_UPGRADES = AKS + "upgrade-aks-node-pools-rolling";
    /** Upgrade options: pre-upgrade validations (PDBs, surge quota, subnet IPs, locks), SubnetIsFull (2026-08-10). */
    public static final String UPGRADE_OPTIONS = AKS + "upgrade-options";
    /** Node pools: maxPods fixed at pool creation (2026-08-20). */
    public static final String NODE_POOLS = AKS + "create-node-pools";
    /** Node disruption policy: which changes reimage nodes (Calico install and uninstall among them; 2026-07-14). */
    public static final String NODE_DISRUPTION_POLICY = AKS + "node-disruption-policy";
    /** Kubenet retirement on 31 March 2028: the announcement issue. */
    public static final String KUBENET_RETIREMENT = "https://github.com/Azure/AKS/issues/4859";
    /** Private clusters (2026-08-05). */
    public static final String PRIVATE_CLUSTERS = AKS + "private-clusters";
    /** Supported Kubernetes versions and the version skew between control plane and pools (2026-08-05). */
    public static final String SUPPORTED_VERSIONS = AKS + "supported-kubernetes-versions";
    /** User-assigned managed identity, including moving a service-principal cluster to one (2026-07-02). */
    public static final String USER_ASSIGNED_IDENTITY = AKS + "user-assigned-managed-identity";
    /** Upgrade the node OS version: Azure Linux 2.0 to Azure Linux 3 (2026-07-13). */
    public static final String UPGRADE_OS_VERSION = AKS + "upgrade-os-version";
    /** The Azure Linux 2.0 retirement notice: node images removed from 31 March 2026 (2026-06-24). */
    public static final String AZURE_LINUX_RETIREMENT = "https://github.com/MicrosoftDocs/azure-aks-docs/blob/main/"
            + "articles/aks/includes/azure-linux-retirement.md";
    /** Start and stop node pools (2026-08-13). */
    public static final String START_STOP_NODE_POOLS = AKS + "start-stop-nodepools";
    /** Pod Subnet static block allocation; dynamic allocation limited to about 65k pods (2026-07-02). */
    public static final String STATIC_BLOCK_ALLOCATION = AKS + "configure-azure-cni-static-block-allocation";
    /** AKS troubleshooting: UpgradeFailed when a PodDisruptionBudget blocks draining a node. */
    public static final String POD_DRAIN_FAILURE = "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/"
            + "create-upgrade-delete/error-code-poddrainfailure";
    /** Configure Node Disruption Policy: set Allow, run the operation, restore (2026-07-14). */
    public static final String USE_NODE_DISRUPTION_POLICY = AKS + "use-node-disruption-policy";
    /** All AKS release notes. */
    public static final String CHANGELOG = "https://github.com/Azure/AKS/blob/master/CHANGELOG.md";
    /** Route table shared with the App Gateway subnet failed the migration. */
    public static final String ROUTE_TABLE_SHARED_ISSUE = "https://github.com/MicrosoftDocs/azure-aks-docs/issues/334";
    /** Dual-stack IPv6 breaks mid-migration. */
    /** The managed cluster resource as ARM returns it (networkProfile.podCidr and podCidrs, agent pool counts). */
    public static final String MANAGED_CLUSTER_API = "https://learn.microsoft.com/rest/api/aks/managed-clusters/get";

    public static final String DUAL_STACK_ISSUE = "https://github.com/Azure/AKS/issues/5120";
    /** AGIC and the RP deadlock during kubenet → Overlay (an open pull request describing the bug and its fix). */
    public static final String AGIC_DEADLOCK_ISSUE = "https://github.com/Azure/application-gateway-kubernetes-ingress/pull/1789";
    /** Service CIDR overlapping a subnet. */
    public static final String SERVICE_CIDR_OVERLAP_ISSUE = "https://github.com/Azure/AKS/issues/3551";
    /** Terraform plans a replacement when network_plugin changes. */
    public static final String TERRAFORM_REPLACEMENT_ISSUE = "https://github.com/hashicorp/terraform-provider-azurerm/issues/31683";
    /** The azurerm pull request that adds an in-place upgrade path from kubenet to Overlay. */
    public static final String TERRAFORM_UPGRADE_PATH_PR = "https://github.com/hashicorp/terraform-provider-azurerm/pull/30959";

    /** The AKS release notes of one date, e.g. {@code release("2024-10-25")}. */
    public static String release(String date) {
        return RELEASES + date;
    }
}
