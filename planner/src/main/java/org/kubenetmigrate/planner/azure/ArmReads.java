package org.kubenetmigrate.planner.azure;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.network.fluent.models.RouteTableInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * Typed ARM reads through the containerservice and network SDKs, each returning the resource exactly as Azure sent
 * it (captured by {@link RawBodies}) next to the SDK's model. Every read goes through the subscription's rate
 * limiter, circuit breaker and the read bulkhead.
 */
final class ArmReads {
    static final String CLUSTER_READ = "Microsoft.ContainerService/managedClusters/read";
    static final String AGENT_POOL_READ = "Microsoft.ContainerService/managedClusters/agentPools/read";
    static final String VNET_READ = "Microsoft.Network/virtualNetworks/read";
    static final String ROUTE_TABLE_READ = "Microsoft.Network/routeTables/read";

    /** A resource read: the SDK model and Azure's own JSON. */
    record Read<T>(T model, JsonNode raw) {
    }

    private final AzureSession session;

    ArmReads(AzureSession session) {
        this.session = session;
    }

    Read<ManagedClusterInner> cluster(String id) {
        return single(id, raw -> session.containerService(RawJson.subscriptionOf(id)).serviceClient().getManagedClusters()
                .getByResourceGroupWithResponse(RawJson.resourceGroupOf(id), RawJson.lastName(id), raw.context()).getValue());
    }

    List<JsonNode> agentPools(String clusterId) {
        return list(clusterId, raw -> session.containerService(RawJson.subscriptionOf(clusterId)).serviceClient()
                .getAgentPools().list(RawJson.resourceGroupOf(clusterId), RawJson.lastName(clusterId), raw.context()).stream().count());
    }

    Read<VirtualNetworkInner> virtualNetwork(String id) {
        return single(id, raw -> session.network(RawJson.subscriptionOf(id)).serviceClient().getVirtualNetworks()
                .getByResourceGroupWithResponse(RawJson.resourceGroupOf(id), RawJson.lastName(id), null, raw.context()).getValue());
    }

    /** The virtual networks in a resource group (the AKS-managed VNet lives in the node resource group). */
    List<JsonNode> virtualNetworksIn(String subscriptionId, String resourceGroup) {
        return list(RawJson.resourceGroupScope(subscriptionId, resourceGroup), raw -> session.network(subscriptionId)
                .serviceClient().getVirtualNetworks().listByResourceGroup(resourceGroup, raw.context()).stream().count());
    }

    Read<RouteTableInner> routeTable(String id) {
        return single(id, raw -> session.network(RawJson.subscriptionOf(id)).serviceClient().getRouteTables()
                .getByResourceGroupWithResponse(RawJson.resourceGroupOf(id), RawJson.lastName(id), null, raw.context()).getValue());
    }

    private <T> Read<T> single(String id, Function<RawBodies, T> call) {
        RawBodies raw = new RawBodies();
        T model = session.resilience().arm(RawJson.subscriptionOf(id), () -> call.apply(raw));
        List<String> bodies = raw.bodies();
        return new Read<>(model, RawJson.parse(bodies.get(bodies.size() - 1)));
    }

    private List<JsonNode> list(String scopeId, Function<RawBodies, Long> call) {
        RawBodies raw = new RawBodies();
        session.resilience().arm(RawJson.subscriptionOf(scopeId), () -> call.apply(raw));
        return RawJson.items(raw.bodies(), "value");
    }
}
