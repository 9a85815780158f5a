package org.kubenetmigrate.planner.azure;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.network.fluent.models.RouteTableInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kubenetmigrate.planner.model.SurroundingType;

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
    static final String NSG_READ = SurroundingType.NETWORK_SECURITY_GROUPS.readAction();
    static final String LOCK_READ = SurroundingType.LOCKS.readAction();
    static final String USAGES_READ = SurroundingType.COMPUTE_USAGES.readAction();
    /** Management locks; the api-version of the Microsoft.Authorization/locks REST reference. */
    static final String LOCKS_API_VERSION = org.kubenetmigrate.planner.plan.ApiVersions.LOCKS;
    /** Compute usages (Microsoft.Compute/locations/usages). */
    static final String USAGES_API_VERSION = org.kubenetmigrate.planner.plan.ApiVersions.COMPUTE_USAGES;

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

    /** A network security group, as Azure sent it. */
    JsonNode networkSecurityGroup(String id) {
        return single(id, raw -> session.network(RawJson.subscriptionOf(id)).serviceClient().getNetworkSecurityGroups()
                .getByResourceGroupWithResponse(RawJson.resourceGroupOf(id), RawJson.lastName(id), null, raw.context())
                .getValue()).raw();
    }

    /** The network security groups of a resource group (the AKS-managed one sits in the node resource group). */
    List<JsonNode> networkSecurityGroupsIn(String subscriptionId, String resourceGroup) {
        return list(RawJson.resourceGroupScope(subscriptionId, resourceGroup), raw -> session.network(subscriptionId)
                .serviceClient().getNetworkSecurityGroups().listByResourceGroup(resourceGroup, raw.context()).stream()
                .count());
    }

    /** Every management lock in a subscription, at any scope in it (one list call, all pages). */
    List<JsonNode> locks(String subscriptionId) {
        List<JsonNode> locks = new ArrayList<>();
        String next = session.resourceManagerEndpoint() + "subscriptions/" + subscriptionId
                + "/providers/Microsoft.Authorization/locks?api-version=" + LOCKS_API_VERSION;
        while (next != null && !next.isBlank()) {
            JsonNode page = get(subscriptionId, next);
            page.path("value").forEach(locks::add);
            next = page.path("nextLink").isTextual() ? page.path("nextLink").asText() : null;
        }
        return locks;
    }

    /**
     * The compute usages of a subscription in a region. Azure's answer names neither, so it is kept with the request
     * path as {@code id}, which is how a snapshot (and a file) says where the numbers belong.
     */
    JsonNode usages(String subscriptionId, String location) {
        String path = "/subscriptions/" + subscriptionId + "/providers/Microsoft.Compute/locations/" + location + "/usages";
        JsonNode answer = get(subscriptionId, session.resourceManagerEndpoint() + path.substring(1) + "?api-version="
                + USAGES_API_VERSION);
        ObjectNode placed = RawJson.MAPPER.createObjectNode().put("id", path)
                .put("type", SurroundingType.COMPUTE_USAGES.armType());
        ArrayNode value = placed.putArray("value");
        answer.path("value").forEach(value::add);
        return placed;
    }

    /**
     * A GET through the signed-in pipeline for reads the SDKs here do not offer; a failure becomes the same
     * {@link ManagementException} an SDK call throws, so 403s name the missing action and do not trip the breaker.
     */
    private JsonNode get(String subscriptionId, String url) {
        return session.resilience().arm(subscriptionId, () -> {
            try (HttpResponse response = session.pipeline().sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
                String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
                if (response.getStatusCode() / 100 == 2) {
                    return RawJson.parse(body.isBlank() ? "{}" : body);
                }
                JsonNode error = body.isBlank() ? RawJson.MAPPER.createObjectNode() : RawJson.parse(body).path("error");
                String code = error.path("code").asText("HTTP" + response.getStatusCode());
                String message = error.path("message").asText(code);
                throw new ManagementException(message, response, new ManagementError(code, message));
            }
        });
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
