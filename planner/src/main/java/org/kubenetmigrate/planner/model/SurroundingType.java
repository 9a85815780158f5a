package org.kubenetmigrate.planner.model;

import org.kubenetmigrate.planner.text.AzCommand;

/**
 * Resource types read around the clusters for the checks that need them, each with the RBAC action a live read
 * needs, the {@code az} export that adds it to a file input, and whether a run's precheck reads it live.
 */
public enum SurroundingType {
    LOCKS("Microsoft.Authorization/locks", "resource locks", "Microsoft.Authorization/locks/read",
            AzCommand.az("lock", "list").arg("-o", "json"), true),
    NETWORK_SECURITY_GROUPS("Microsoft.Network/networkSecurityGroups", "network security groups",
            "Microsoft.Network/networkSecurityGroups/read",
            AzCommand.az("network", "nsg", "list").arg("-o", "json"), true),
    COMPUTE_USAGES("Microsoft.Compute/locations/usages", "compute quota usages", "Microsoft.Compute/locations/usages/read",
            AzCommand.az("vm", "list-usage").placeholder("--location", "<region>").arg("-o", "json"), true),
    EFFECTIVE_ROUTES("Microsoft.Network/networkInterfaces/effectiveRouteTable", "effective routes",
            "Microsoft.Network/networkInterfaces/effectiveRouteTable/action",
            AzCommand.az("network", "nic", "show-effective-route-table").placeholder("-g", "<node-resource-group>")
                    .placeholder("-n", "<node-nic>").arg("-o", "json"), false);

    private final String armType;
    private final String label;
    private final String readAction;
    private final String export;
    private final boolean readByPrecheck;

    SurroundingType(String armType, String label, String readAction, AzCommand export, boolean readByPrecheck) {
        this.armType = armType;
        this.label = label;
        this.readAction = readAction;
        this.export = export.render();
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
