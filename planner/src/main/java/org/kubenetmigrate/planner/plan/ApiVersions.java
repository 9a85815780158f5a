package org.kubenetmigrate.planner.plan;

/** The ARM api-versions plans use, in one place so that moving to a newer one is a one-line change. */
public final class ApiVersions {
    private ApiVersions() {
    }

    /** Microsoft.ContainerService (managed clusters, agent pools). */
    public static final String AKS = "2025-09-01";

    /**
     * Microsoft.ContainerService preview, read only, for what the stable version does not return yet: the Node
     * Disruption Policy ({@code properties.nodeDisruptionProfile}, preview). The newest preview version of the Java
     * SDK's container service package (2.64.0-beta.1, 2026-09-01); whether it returns the profile is UNCONFIRMED.
     */
    public static final String AKS_PREVIEW = "2026-06-02-preview";

    /** Microsoft.Network (virtual networks, subnets, route tables). */
    public static final String NETWORK = "2025-03-01";

    /** Microsoft.Authorization/locks (management locks). */
    public static final String LOCKS = "2020-05-01";

    /** Microsoft.Compute/locations/usages (regional vCPU usages and quotas). */
    public static final String COMPUTE_USAGES = "2024-07-01";
}
