package org.kubenetmigrate.planner.model;

/**
 * Resource types read around the clusters for the checks that need them, each with the RBAC action a live read
 * needs, the {@code az} export that adds it to a file input, and whether a run's precheck reads it live.
 */
public enum SurroundingType {
    LOCKS("Microsoft.Authorization/locks", "resource locks", "Microsoft.Authorization/locks/read",
            "az lock list -o json", true),
    NETWORK_SECURITY_GROUPS("Microsoft.Network/networkSecurityGroups", "network security groups",
            "Microsoft.Network/networkSecurityGroups/read", "az network nsg list -o json", true),
    COMPUTE_USAGES("Microsoft.Compute/locations/usages", "compute quota usages", "Microsoft.Compute/locations/usages/read",
            "az vm list-usage --location <region> -o json", true),
    EFFECTIVE_ROUTES("Microsoft.Network/networkInterfaces/effectiveRouteTable", "effective routes",
            "Microsoft.Network/networkInterfaces/effectiveRouteTable/action",
            "az network nic show-effective-route-table -g <node-resource-group> -n <node-nic> -o json", false);

    private final String armType;
    private final String label;
    private final String readAction;
    private final String export;
    private final boolean readByPrecheck;

    SurroundingType(String armType, String label, String readAction, String export, boolean readByPrecheck) {
        this.armType = armType;
        this.label = label;
        this.readAction = readAction;
        this.export = export;
        this.readByPrecheck = readByPrecheck;
    }

    /**
     * True when a run's {@code precheck} reads this type live, before any change, and stops the run when what it
     * reads blocks (or when the read fails): the executor's {@code LiveModel} reads these, and only these.
     */
    public boolean readByPrecheck() {
        return readByPrecheck;
    }

    public String armType() {
        return armType;
    }

    /** How a reader calls these resources, e.g. "resource locks". */
    public String label() {
        return label;
    }

    /** The RBAC action a live read needs. */
    public String readAction() {
        return readAction;
    }

    /** The az command whose JSON output adds this type to a file input. */
    public String export() {
        return export;
    }

    public static java.util.Optional<SurroundingType> ofArmType(String type) {
        for (SurroundingType t : values()) {
            if (t.armType.equalsIgnoreCase(type)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
