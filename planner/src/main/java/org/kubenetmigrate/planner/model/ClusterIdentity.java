package org.kubenetmigrate.planner.model;

import java.util.List;

/** The control plane identity: {@code identity.type} and the user-assigned identity ids. */
public record ClusterIdentity(String type, List<String> userAssignedIdentityIds) {
    public static final ClusterIdentity NONE = new ClusterIdentity(null, List.of());

    public ClusterIdentity {
        userAssignedIdentityIds = List.copyOf(userAssignedIdentityIds);
    }

    public boolean isUserAssigned() {
        return "UserAssigned".equalsIgnoreCase(type);
    }

    /** The type as shown to users; a cluster without managed identity runs on a service principal. */
    public String describe() {
        return type == null || type.isBlank() || type.equalsIgnoreCase("None") ? "service principal (no managed identity)" : type;
    }
}
