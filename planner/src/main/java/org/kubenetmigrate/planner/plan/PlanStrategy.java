package org.kubenetmigrate.planner.plan;

import java.util.Arrays;
import java.util.Optional;

/** How a plan takes a cluster off kubenet; {@link #id()} is what the plan file's {@code strategy} holds. */
public enum PlanStrategy {
    /** The cluster is updated in place to Azure CNI Overlay (the executor runs these). */
    IN_PLACE_OVERLAY("in-place-overlay"),
    /** A new cluster on Azure CNI Pod Subnet beside the old one; people do most steps. */
    BLUE_GREEN_POD_SUBNET("blue-green-pod-subnet"),
    /** Nothing to do: the cluster is not on kubenet. */
    NONE("none");

    private final String id;

    PlanStrategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The strategy a plan file names, exactly as this tool writes it; empty for any other text. */
    public static Optional<PlanStrategy> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
