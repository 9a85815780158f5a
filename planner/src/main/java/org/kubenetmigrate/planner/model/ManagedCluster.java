package org.kubenetmigrate.planner.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AKS managed cluster as read from Azure's JSON, reduced to what the planner reasons about.
 * {@code powerState} is {@code powerState.code} ("Running", "Stopped"); {@code etag} is the ARM ETag, absent in
 * some exports; {@code nodeDisruptionPolicy} is {@code properties.nodeDisruptionProfile.nodeDisruptionPolicy}
 * (preview: {@code Allow}, {@code AllowDuringMaintenanceWindow}, {@code Block}), null when the input has none.
 */
public record ManagedCluster(
        ArmId id,
        String name,
        String subscriptionId,
        String resourceGroup,
        String location,
        String kubernetesVersion,
        String currentKubernetesVersion,
        AzureValue<ProvisioningState> provisioningState,
        String powerState,
        NetworkProfile network,
        ClusterIdentity identity,
        List<AgentPool> agentPools,
        boolean privateCluster,
        boolean agicAddonEnabled,
        boolean podIdentityEnabled,
        String nodeResourceGroup,
        String etag,
        Map<String, String> tags,
        SourceRef source,
        String nodeDisruptionPolicy) {

    public ManagedCluster {
        agentPools = List.copyOf(agentPools);
        tags = Map.copyOf(tags);
    }

    /** A cluster whose input says nothing of a Node Disruption Policy. */
    public ManagedCluster(ArmId id, String name, String subscriptionId, String resourceGroup, String location,
                          String kubernetesVersion, String currentKubernetesVersion,
                          AzureValue<ProvisioningState> provisioningState, String powerState, NetworkProfile network,
                          ClusterIdentity identity, List<AgentPool> agentPools, boolean privateCluster, boolean agicAddonEnabled, boolean podIdentityEnabled,
                          String nodeResourceGroup, String etag, Map<String, String> tags, SourceRef source) {
        this(id, name, subscriptionId, resourceGroup, location, kubernetesVersion, currentKubernetesVersion,
                provisioningState, powerState, network, identity, agentPools, privateCluster, agicAddonEnabled,
                podIdentityEnabled, nodeResourceGroup, etag, tags, source, null);
    }

    /** The same cluster with another Node Disruption Policy. */
    public ManagedCluster withNodeDisruptionPolicy(String policy) {
        return new ManagedCluster(id, name, subscriptionId, resourceGroup, location, kubernetesVersion,
                currentKubernetesVersion, provisioningState, powerState, network, identity, agentPools, privateCluster,
                agicAddonEnabled, podIdentityEnabled, nodeResourceGroup, etag, tags, source, policy);
    }

    /**
     * The version to show: the running one ({@code currentKubernetesVersion}, e.g. 1.29.7), else the requested one,
     * which may be an alias such as {@code 1.29}; null when neither is known.
     */
    public String runningVersion() {
        return currentKubernetesVersion != null && !currentKubernetesVersion.isBlank() ? currentKubernetesVersion
                : kubernetesVersion;
    }

    /**
     * The control plane version the rules judge: the lower of the requested and the running version, so that a
     * half-finished upgrade is never mistaken for the newer version.
     */
    public Optional<KubernetesVersion> controlPlaneVersion() {
        Optional<KubernetesVersion> requested = parse(kubernetesVersion);
        Optional<KubernetesVersion> running = parse(currentKubernetesVersion);
        if (requested.isPresent() && running.isPresent()) {
            return Optional.of(requested.get().compareTo(running.get()) <= 0 ? requested.get() : running.get());
        }
        return requested.isPresent() ? requested : running;
    }

    public boolean isStopped() {
        return "Stopped".equalsIgnoreCase(powerState);
    }

    /** The distinct node subnets of the pools (BYO VNet); empty for clusters on the AKS-managed VNet. */
    public List<ArmId> nodeSubnetIds() {
        // A loop, not a stream: asked for every cluster of a fleet by several rules; pools are few.
        List<ArmId> ids = new java.util.ArrayList<>(agentPools.size());
        for (AgentPool pool : agentPools) {
            if (pool.vnetSubnetId() != null && !ids.contains(pool.vnetSubnetId())) {
                ids.add(pool.vnetSubnetId());
            }
        }
        return java.util.Collections.unmodifiableList(ids);
    }

    private static Optional<KubernetesVersion> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(KubernetesVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
