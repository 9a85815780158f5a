package org.kubenetmigrate.planner.model;

import java.util.List;

/**
 * The control plane identity: {@code identity.type} and the user-assigned identity ids, plus
 * {@code servicePrincipalProfile.clientId}: "msi" on managed-identity clusters, the application id on clusters that
 * run on a service principal, null when absent.
 */
public record ClusterIdentity(String type, List<String> userAssignedIdentityIds, String servicePrincipalClientId) {
    public static final ClusterIdentity NONE = new ClusterIdentity(null, List.of());

    public ClusterIdentity {
        userAssignedIdentityIds = List.copyOf(userAssignedIdentityIds);
    }

    /** Without the service principal profile (as read before it was). */
    public ClusterIdentity(String type, List<String> userAssignedIdentityIds) {
        this(type, userAssignedIdentityIds, null);
    }

    /** True when the cluster has no managed identity: then it runs on a service principal. */
    public boolean hasManagedIdentity() {
        return type != null && !type.isBlank() && !type.equalsIgnoreCase("None");
    }

    /** True when the cluster runs on a service principal: no managed identity and a client id other than "msi". */
    public boolean isServicePrincipal() {
        return !hasManagedIdentity() && servicePrincipalClientId != null && !servicePrincipalClientId.isBlank()
                && !servicePrincipalClientId.equalsIgnoreCase("msi");
    }

    public boolean isUserAssigned() {
        return "UserAssigned".equalsIgnoreCase(type);
    }

    /** The type as shown to users; a cluster without managed identity runs on a service principal. */
    public String describe() {
        return type == null || type.isBlank() || type.equalsIgnoreCase("None") ? "service principal (no managed identity)" : type;
    }
}
