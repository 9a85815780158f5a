package org.kubenetmigrate.executor.kube;

/**
 * A Kubernetes resource type addressed by group, version and plural, so that a read does not depend on API
 * discovery (which fails before sending anything when a CRD is absent).
 *
 * @param group the API group, "" for the core group
 */
public record ResourceKind(String group, String version, String plural, String kind, boolean namespaced) {

    public static final ResourceKind CALICO_CRD_NETWORK_POLICY =
            new ResourceKind("crd.projectcalico.org", "v1", "networkpolicies", "NetworkPolicy", true);
    public static final ResourceKind CALICO_CRD_GLOBAL_NETWORK_POLICY =
            new ResourceKind("crd.projectcalico.org", "v1", "globalnetworkpolicies", "GlobalNetworkPolicy", false);
    public static final ResourceKind CALICO_API_NETWORK_POLICY =
            new ResourceKind("projectcalico.org", "v3", "networkpolicies", "NetworkPolicy", true);
    public static final ResourceKind CALICO_API_GLOBAL_NETWORK_POLICY =
            new ResourceKind("projectcalico.org", "v3", "globalnetworkpolicies", "GlobalNetworkPolicy", false);
    /** The Azure CNI (Overlay) node network configuration, one per node in kube-system ({@code kubectl get nnc -A}). */
    public static final ResourceKind NODE_NETWORK_CONFIG =
            new ResourceKind("acn.azure.com", "v1alpha", "nodenetworkconfigs", "NodeNetworkConfig", true);

    /** As RBAC and kubectl name it: {@code plural.group}, or the plural alone for the core group. */
    public String qualified() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}
