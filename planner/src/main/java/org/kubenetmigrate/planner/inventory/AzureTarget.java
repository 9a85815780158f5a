package org.kubenetmigrate.planner.inventory;

import java.net.URI;

/**
 * Where and how to sign in: the cloud by name ({@code AzureCloud}, {@code AzureChinaCloud},
 * {@code AzureUSGovernment}), optional overrides of its Resource Manager endpoint and Entra ID authority host (for
 * sovereign or private endpoints), and the tenant. Null overrides mean "the cloud's own".
 */
public record AzureTarget(String cloud, URI armEndpoint, URI authorityHost, String tenantId) {
    public static final String DEFAULT_CLOUD = "AzureCloud";

    public AzureTarget {
        cloud = cloud == null || cloud.isBlank() ? DEFAULT_CLOUD : cloud;
    }
}
