package org.kubenetmigrate.planner.model;

/** Where a kubenet cluster is going. */
public enum TargetIpam {
    /** Azure CNI Overlay, updated in place (the only in-place path from kubenet, one-way). */
    OVERLAY("overlay"),
    /** Azure CNI Pod Subnet: no in-place path from kubenet, so a new cluster (blue/green). */
    POD_SUBNET("pod-subnet");

    private final String label;

    TargetIpam(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TargetIpam fromLabel(String label) {
        for (TargetIpam t : values()) {
            if (t.label.equalsIgnoreCase(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + label + "' (expected overlay or pod-subnet)");
    }
}
