package org.kubenetmigrate.planner.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.NetworkPlugin;

/**
 * What the clusters point at: the VNets of their node subnets, the node resource groups of clusters on the
 * AKS-managed VNet, and (once the VNets are known) the route tables on their node subnets. Ids compare
 * case-insensitively; the first spelling seen is kept.
 */
final class References {
    private final Map<String, String> vnets = new LinkedHashMap<>();
    private final Map<String, String> nodeResourceGroups = new LinkedHashMap<>();
    private final Set<String> nodeSubnets = new LinkedHashSet<>();
    private final Map<String, String> routeTables = new LinkedHashMap<>();
    private final Map<String, String> securityGroups = new LinkedHashMap<>();
    private final Set<String> clusterVnets = new LinkedHashSet<>();
    /** Node resource groups of every kubenet cluster (their AKS-managed NSG applies to the node NICs). */
    private final Set<String> kubenetNodeResourceGroups = new LinkedHashSet<>();
    /** Subscriptions holding kubenet clusters, as spelled. */
    private final Map<String, String> kubenetSubscriptions = new LinkedHashMap<>();
    /** (subscription, region) of kubenet clusters: where surge quota is counted. */
    private final Map<String, List<String>> usageScopes = new LinkedHashMap<>();

    static References of(List<JsonNode> clusters) {
        References refs = new References();
        for (JsonNode cluster : clusters) {
            JsonNode props = RawJson.properties(cluster);
            String plugin = RawJson.field(props, "networkProfile").flatMap(n -> RawJson.text(n, "networkPlugin")).orElse(null);
            if (AzureValue.is(NetworkPlugin.parse(plugin), NetworkPlugin.KUBENET)) {
                String sub = RawJson.subscriptionOf(RawJson.id(cluster));
                refs.kubenetSubscriptions.putIfAbsent(RawJson.key(sub), sub);
                RawJson.text(props, "nodeResourceGroup").ifPresent(rg ->
                        refs.kubenetNodeResourceGroups.add(RawJson.key(RawJson.resourceGroupScope(sub, rg))));
                RawJson.text(cluster, "location").ifPresent(location -> refs.usageScopes.putIfAbsent(
                        RawJson.key(sub) + "/" + location.replace(" ", "").toLowerCase(java.util.Locale.ROOT),
                        List.of(sub, location.replace(" ", "").toLowerCase(java.util.Locale.ROOT))));
            }
            List<String> subnets = new ArrayList<>();
            RawJson.field(props, "agentPoolProfiles").ifPresent(pools -> pools.forEach(pool ->
                    RawJson.text(pool, "vnetSubnetID").ifPresent(subnets::add)));
            if (subnets.isEmpty()) {
                RawJson.text(props, "nodeResourceGroup").ifPresent(rg -> {
                    String scope = RawJson.resourceGroupScope(RawJson.subscriptionOf(RawJson.id(cluster)), rg);
                    refs.nodeResourceGroups.putIfAbsent(RawJson.key(scope), scope);
                });
            }
            for (String subnet : subnets) {
                refs.nodeSubnets.add(RawJson.key(subnet));
                String vnet = RawJson.parentVnet(subnet);
                if (vnet != null) {
                    refs.vnets.putIfAbsent(RawJson.key(vnet), vnet);
                }
            }
        }
        return refs;
    }

    /** Subscriptions the references point into (lower-cased). */
    Set<String> subscriptions() {
        Set<String> subs = new LinkedHashSet<>();
        vnets.keySet().forEach(v -> subs.add(RawJson.subscriptionOf(v)));
        nodeResourceGroups.keySet().forEach(v -> subs.add(RawJson.subscriptionOf(v)));
        routeTables.keySet().forEach(v -> subs.add(RawJson.subscriptionOf(v)));
        return subs;
    }

    /** The VNets among {@code rows} that a cluster uses. */
    List<JsonNode> keepVirtualNetworks(List<JsonNode> rows) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode row : rows) {
            String id = RawJson.key(RawJson.id(row));
            if (vnets.containsKey(id) || nodeResourceGroups.containsKey(rgScopeOf(id))) {
                kept.add(row);
            }
        }
        return kept;
    }

    List<String> missingVirtualNetworks(List<JsonNode> found) {
        Set<String> have = ids(found);
        return vnets.entrySet().stream().filter(e -> !have.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    List<String> missingNodeResourceGroups(List<JsonNode> found) {
        Set<String> haveGroups = new LinkedHashSet<>();
        ids(found).forEach(id -> haveGroups.add(rgScopeOf(id)));
        return nodeResourceGroups.entrySet().stream().filter(e -> !haveGroups.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    /**
     * Route tables and network security groups on the node subnets of these VNets (every subnet of an AKS-managed
     * VNet); other route tables of these VNets are kept too, as consumers of pod IPs.
     */
    void addRouteTablesOf(List<JsonNode> vnets) {
        for (JsonNode vnet : vnets) {
            String vnetId = RawJson.key(RawJson.id(vnet));
            clusterVnets.add(vnetId);
            boolean managed = nodeResourceGroups.containsKey(rgScopeOf(vnetId));
            RawJson.field(RawJson.properties(vnet), "subnets").ifPresent(subnets -> subnets.forEach(subnet -> {
                String subnetId = RawJson.key(RawJson.id(subnet));
                if (!managed && !nodeSubnets.contains(subnetId)) {
                    return;
                }
                RawJson.field(RawJson.properties(subnet), "routeTable").flatMap(rt -> RawJson.text(rt, "id"))
                        .ifPresent(rt -> routeTables.putIfAbsent(RawJson.key(rt), rt));
                RawJson.field(RawJson.properties(subnet), "networkSecurityGroup").flatMap(n -> RawJson.text(n, "id"))
                        .ifPresent(n -> securityGroups.putIfAbsent(RawJson.key(n), n));
            }));
        }
    }

    /** Route tables on node subnets, and those on other subnets of the clusters' VNets (routes to pod IPs). */
    List<JsonNode> keepRouteTables(List<JsonNode> rows) {
        List<JsonNode> kept = new ArrayList<>();
        rows.stream().filter(r -> routeTables.containsKey(RawJson.key(RawJson.id(r))) || onClusterVnet(r)).forEach(kept::add);
        return kept;
    }

    private boolean onClusterVnet(JsonNode table) {
        boolean[] on = {false};
        RawJson.field(RawJson.properties(table), "subnets").ifPresent(subnets -> subnets.forEach(subnet ->
                RawJson.text(subnet, "id").map(RawJson::parentVnet).filter(v -> v != null)
                        .ifPresent(v -> on[0] |= clusterVnets.contains(RawJson.key(v)))));
        return on[0];
    }

    /** NSGs on node subnets, and those in kubenet clusters' node resource groups (applied to node NICs). */
    List<JsonNode> keepSecurityGroups(List<JsonNode> rows) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode row : rows) {
            String id = RawJson.key(RawJson.id(row));
            if (securityGroups.containsKey(id) || kubenetNodeResourceGroups.contains(rgScopeOf(id))) {
                kept.add(row);
            }
        }
        return kept;
    }

    List<String> missingSecurityGroups(List<JsonNode> found) {
        Set<String> have = ids(found);
        return securityGroups.entrySet().stream().filter(e -> !have.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    /** Subscriptions whose locks matter: those of kubenet clusters and of the networks they use. */
    List<String> lockSubscriptions() {
        Map<String, String> subs = new LinkedHashMap<>(kubenetSubscriptions);
        vnets.values().forEach(v -> subs.putIfAbsent(RawJson.key(RawJson.subscriptionOf(v)), RawJson.subscriptionOf(v)));
        routeTables.values().forEach(v -> subs.putIfAbsent(RawJson.key(RawJson.subscriptionOf(v)), RawJson.subscriptionOf(v)));
        return List.copyOf(subs.values());
    }

    /** (subscription, region) pairs of kubenet clusters. */
    List<List<String>> usageScopes() {
        return List.copyOf(usageScopes.values());
    }

    List<String> missingRouteTables(List<JsonNode> found) {
        Set<String> have = ids(found);
        return routeTables.entrySet().stream().filter(e -> !have.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private static Set<String> ids(List<JsonNode> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(RawJson.key(RawJson.id(r))));
        return ids;
    }

    private static String rgScopeOf(String lowerId) {
        return RawJson.key(RawJson.resourceGroupScope(RawJson.subscriptionOf(lowerId), RawJson.resourceGroupOf(lowerId)));
    }
}
