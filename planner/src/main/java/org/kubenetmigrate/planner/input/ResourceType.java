package org.kubenetmigrate.planner.input;

import java.util.Locale;
import java.util.Optional;

/** The Azure resource types the reader understands. ARM type names are case-insensitive (Resource Graph lower-cases them). */
enum ResourceType {
    MANAGED_CLUSTER("Microsoft.ContainerService/managedClusters"),
    VIRTUAL_NETWORK("Microsoft.Network/virtualNetworks"),
    ROUTE_TABLE("Microsoft.Network/routeTables"),
    LOCK("Microsoft.Authorization/locks"),
    NETWORK_SECURITY_GROUP("Microsoft.Network/networkSecurityGroups"),
    LOAD_BALANCER("Microsoft.Network/loadBalancers"),
    APPLICATION_GATEWAY("Microsoft.Network/applicationGateways"),
    AZURE_FIREWALL("Microsoft.Network/azureFirewalls"),
    COMPUTE_USAGES("Microsoft.Compute/locations/usages"),
    EFFECTIVE_ROUTE_TABLE("Microsoft.Network/networkInterfaces/effectiveRouteTable"),
    /** A node NIC of a scale set: {@code …/virtualMachineScaleSets/s/virtualMachines/0/networkInterfaces/n/effectiveRouteTable}. */
    SCALE_SET_EFFECTIVE_ROUTE_TABLE("Microsoft.Compute/virtualMachineScaleSets/virtualMachines/networkInterfaces/effectiveRouteTable");

    private static final ResourceType[] ALL = values();

    private final String armType;

    ResourceType(String armType) {
        this.armType = armType;
    }

    static Optional<ResourceType> of(String armType) {
        if (armType == null) {
            return Optional.empty();
        }
        String trimmed = armType.trim();
        for (ResourceType type : ALL) {
            if (type.armType.equalsIgnoreCase(trimmed)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The type a resource declares in {@code type}, else the one its {@code id} implies, e.g.
     * {@code .../providers/Microsoft.Network/virtualNetworks/v1/subnets/s1} → {@code Microsoft.Network/virtualNetworks/subnets}.
     * Null when neither says.
     */
    static String declaredType(JsonFields resource) throws InputException {
        String type = resource.string("type");
        if (type != null && !type.isBlank()) {
            return type;
        }
        String id = resource.string("id");
        return id == null ? null : typeFromId(id);
    }

    static String typeFromId(String id) {
        String[] parts = id.split("/");
        int providers = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].toLowerCase(Locale.ROOT).equals("providers")) {
                providers = i;
            }
        }
        if (providers < 0 || providers + 2 >= parts.length) {
            return null;
        }
        StringBuilder type = new StringBuilder(parts[providers + 1]);
        // After the namespace, type and name segments alternate: ns/type1/name1/type2/name2...
        for (int i = providers + 2; i < parts.length; i += 2) {
            type.append('/').append(parts[i]);
        }
        return type.toString();
    }
}
