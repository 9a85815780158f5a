package org.kubenetmigrate.planner.plan;

/** The ARM api-versions plans use, in one place so that moving to a newer one is a one-line change. */
public final class ApiVersions {
    private ApiVersions() {
    }

    /** Microsoft.ContainerService (managed clusters, agent pools). */
    public static final String AKS = "2025-09-01";

    /** Microsoft.Network (virtual networks, subnets, route tables). */
    public static final String NETWORK = "2025-03-01";

    /** Microsoft.Authorization/locks (management locks). */
    public static final String LOCKS = "2020-05-01";

    /** Microsoft.Compute/locations/usages (regional vCPU usages and quotas). */
    public static final String COMPUTE_USAGES = "2024-07-01";
}
