package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated fleet for benchmarks and scale tests: per subscription, kubenet clusters on their own BYO VNet (one
 * node subnet) with the kubenet route table on it. Deterministic: the same arguments give the same resources.
 */
public final class SyntheticFleet {
    private SyntheticFleet() {
    }

    public static String subscriptionId(int s) {
        return String.format("00000000-0000-0000-0000-%012x", 0xb000 + s);
    }

    /** Loads {@code subscriptions × clustersPerSubscription} clusters, each with a VNet and a route table. */
    public static List<String> load(ResourceStore store, int subscriptions, int clustersPerSubscription) {
        List<String> clusterIds = new ArrayList<>();
        for (int s = 0; s < subscriptions; s++) {
            String sub = subscriptionId(s);
            store.addSubscription(sub, "synthetic-" + s);
            for (int c = 0; c < clustersPerSubscription; c++) {
                clusterIds.add(addCluster(store, sub, s, c));
            }
        }
        return clusterIds;
    }

    private static String addCluster(ResourceStore store, String sub, int s, int c) {
        String name = "aks-" + s + "-" + c;
        String rg = "rg-" + name;
        String net = "/subscriptions/" + sub + "/resourceGroups/" + rg + "-net/providers/Microsoft.Network";
        String vnetId = net + "/virtualNetworks/vnet-" + name;
        String subnetId = vnetId + "/subnets/snet-nodes";
        String rtId = net + "/routeTables/rt-" + name;
        String clusterId = "/subscriptions/" + sub + "/resourcegroups/" + rg
                + "/providers/Microsoft.ContainerService/managedClusters/" + name;
        int second = c % 250;
        String space = "10." + (s % 200) + "." + second + ".0";

        ObjectNode pool = Json.object().put("name", "nodepool1").put("count", 3).put("vmSize", "Standard_D4s_v5")
                .put("vnetSubnetID", subnetId).put("maxPods", 110).put("type", "VirtualMachineScaleSets")
                .put("enableAutoScaling", false).put("provisioningState", "Succeeded").put("mode", "System")
                .put("osType", "Linux").put("orchestratorVersion", "1.31.5");
        pool.set("powerState", Json.object().put("code", "Running"));
        pool.set("upgradeSettings", Json.object().put("maxSurge", "1"));
        ObjectNode props = Json.object().put("provisioningState", "Succeeded").put("kubernetesVersion", "1.31.5")
                .put("currentKubernetesVersion", "1.31.5").put("dnsPrefix", name).put("nodeResourceGroup", "MC_" + rg);
        props.set("powerState", Json.object().put("code", "Running"));
        props.set("agentPoolProfiles", Json.array().add(pool));
        props.set("networkProfile", Json.object().put("networkPlugin", "kubenet").put("podCidr", "10.244.0.0/16")
                .put("serviceCidr", "172.20.0.0/16").put("dnsServiceIP", "172.20.0.10").put("outboundType", "loadBalancer"));
        ObjectNode identity = Json.object().put("type", "UserAssigned");
        identity.set("userAssignedIdentities", Json.object().set("/subscriptions/" + sub + "/resourceGroups/" + rg
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-" + name, Json.object()));
        ObjectNode cluster = Json.object().put("id", clusterId).put("name", name).put("location", "westeurope")
                .put("type", "Microsoft.ContainerService/ManagedClusters").put("eTag", "etag-" + name);
        cluster.set("identity", identity);
        cluster.set("properties", props);
        store.put(cluster);

        ArrayNode ipConfigs = Json.array();
        for (int n = 0; n < 3; n++) {
            ipConfigs.add(Json.object().put("id", "/subscriptions/" + sub + "/resourceGroups/MC_" + rg
                    + "/providers/Microsoft.Compute/virtualMachineScaleSets/vmss/virtualMachines/" + n
                    + "/networkInterfaces/nic/ipConfigurations/ipconfig1"));
        }
        ObjectNode subnetProps = Json.object().put("addressPrefix", space + "/24");
        subnetProps.set("routeTable", Json.object().put("id", rtId));
        subnetProps.set("ipConfigurations", ipConfigs);
        ObjectNode subnet = Json.object().put("id", subnetId).put("name", "snet-nodes")
                .put("type", "Microsoft.Network/virtualNetworks/subnets");
        subnet.set("properties", subnetProps);
        ObjectNode vnetProps = Json.object();
        vnetProps.set("addressSpace", Json.object().set("addressPrefixes", Json.array().add(space + "/24")));
        vnetProps.set("subnets", Json.array().add(subnet));
        vnetProps.set("virtualNetworkPeerings", Json.array());
        ObjectNode vnet = Json.object().put("id", vnetId).put("name", "vnet-" + name).put("location", "westeurope")
                .put("type", "Microsoft.Network/virtualNetworks").put("etag", "W/\"vnet-" + name + "\"");
        vnet.set("properties", vnetProps);
        store.put(vnet);

        ArrayNode routes = Json.array();
        for (int n = 0; n < 3; n++) {
            ObjectNode routeProps = Json.object().put("addressPrefix", "10.244." + n + ".0/24")
                    .put("nextHopType", "VirtualAppliance").put("nextHopIpAddress", "10." + (s % 200) + "." + second + "." + (4 + n));
            ObjectNode route = Json.object().put("id", rtId + "/routes/aks-nodepool1-vmss00000" + n)
                    .put("name", "aks-nodepool1-vmss00000" + n);
            route.set("properties", routeProps);
            routes.add(route);
        }
        ObjectNode rtProps = Json.object();
        rtProps.set("routes", routes);
        rtProps.set("subnets", Json.array().add(Json.object().put("id", subnetId)));
        ObjectNode rt = Json.object().put("id", rtId).put("name", "rt-" + name).put("location", "westeurope")
                .put("type", "Microsoft.Network/routeTables").put("etag", "W/\"rt-" + name + "\"");
        rt.set("properties", rtProps);
        store.put(rt);
        return clusterId;
    }
}
