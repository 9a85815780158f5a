package org.kubenetmigrate.planner.model;

/**
 * One entry of {@code agentPoolProfiles}. {@code maxSurge} is the raw setting ("1", "33%", or null when unset);
 * {@code maxCount} is meaningful when {@code autoscaling} is on. {@code type} is null when Azure's JSON omits it
 * (old {@code az aks create} output does on availability-set pools), and {@code osSku} ({@code osSKU}, e.g.
 * "Ubuntu", "AzureLinux", "AzureLinux3", "CBLMariner") is null when absent. {@code powerState} is
 * {@code powerState.code} ("Running", "Stopped").
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
        AzureValue<ProvisioningState> provisioningState,
        String powerState,
        ArmId vnetSubnetId,
        ArmId podSubnetId,
        String orchestratorVersion,
        String osSku) {

    /** A pool without {@code osSKU} (as read before it was). */
    public AgentPool(String name, String mode, String type, String vmSize, String osType, int count,
                     boolean autoscaling, Integer minCount, Integer maxCount, String maxSurge, Integer maxPods,
                     AzureValue<ProvisioningState> provisioningState, String powerState, ArmId vnetSubnetId, ArmId podSubnetId,
                     String orchestratorVersion) {
        this(name, mode, type, vmSize, osType, count, autoscaling, minCount, maxCount, maxSurge, maxPods,
                provisioningState, powerState, vnetSubnetId, podSubnetId, orchestratorVersion, null);
    }

    /** The most nodes this pool may run: {@code maxCount} when autoscaling, else {@code count}. */
    public int maxNodes() {
        return autoscaling && maxCount != null ? Math.max(maxCount, count) : count;
    }

    public boolean isAvailabilitySet() {
        return "AvailabilitySet".equalsIgnoreCase(type);
    }

    /** True when Azure's JSON did not say whether the pool runs on scale sets or availability sets. */
    public boolean typeUnknown() {
        return type == null || type.isBlank();
    }

    public boolean isStopped() {
        return "Stopped".equalsIgnoreCase(powerState);
    }

    public boolean isUserPool() {
        return "User".equalsIgnoreCase(mode);
    }
}
