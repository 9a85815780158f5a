package org.kubenetmigrate.planner.model;

/**
 * One entry of {@code agentPoolProfiles}. {@code maxSurge} is the raw setting ("1", "33%", or null when unset);
 * {@code maxCount} is meaningful when {@code autoscaling} is on.
 */
public record AgentPool(
        String name,
        String mode,
        String type,
        String vmSize,
        String osType,
        int count,
        boolean autoscaling,
        Integer minCount,
        Integer maxCount,
        String maxSurge,
        Integer maxPods,
        String provisioningState,
        String powerState,
        ArmId vnetSubnetId,
        ArmId podSubnetId,
        String orchestratorVersion) {

    /** The most nodes this pool may run: {@code maxCount} when autoscaling, else {@code count}. */
    public int maxNodes() {
        return autoscaling && maxCount != null ? Math.max(maxCount, count) : count;
    }

    public boolean isAvailabilitySet() {
        return "AvailabilitySet".equalsIgnoreCase(type);
    }
}
