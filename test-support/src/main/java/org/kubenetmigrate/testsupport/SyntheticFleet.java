package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The one generated fleet, for benchmarks, scale tests and the browser's paging test: AKS clusters with their
 * virtual networks and route tables in Azure's own ARM JSON shapes. Two mixes: {@link Mix#READY}, every cluster a
 * kubenet cluster that can migrate (the fake ARM's live rollout and inventory runs; named {@code aks-S-C} so that a
 * strategy can select by subscription), and {@link Mix#VARIED}, the readiness report's mix of ready clusters,
 * Overlay clusters and clusters that trip each of the main rules (see {@link Kind}).
 *
 * <p>Deterministic: the same arguments give the same resources, and cluster k draws from its own random stream, so
 * it is the same whatever the fleet's size. All data is made up; ids use placeholder GUIDs.
 *
 * <p>Files: {@code java -cp test-support/target/classes:cli/target/kubenet-migrate.jar
 * org.kubenetmigrate.testsupport.SyntheticFleet N OUT_DIR [SEED]} writes the varied mix, 100 clusters per
 * subscription folder, as bare arrays of resources (as {@code az graph query} rows are).
 */
public final class SyntheticFleet {
    /** Clusters per subscription folder in {@link #write}. */
    public static final int PER_SUBSCRIPTION = 100;
    private static final String[] LOCATIONS = {"westeurope", "northeurope", "eastus2", "southeastasia", "uksouth",
        "centralus"};
    private static final String[] TEAMS = {"web", "api", "data", "batch", "ml", "edge", "pay", "ops"};

    /** Which clusters a fleet holds. */
    public enum Mix {
        /** Every cluster a migratable kubenet cluster on its own VNet with the kubenet route table. */
        READY,
        /** The shares of {@link Kind}: ready, not applicable, and each main blocker. */
        VARIED
    }

    /** What goes wrong with a cluster, with its share of a varied fleet in percent (they add up to 100). */
    enum Kind {
        READY(30), OVERLAY(10), SYSTEM_ASSIGNED(8), OLD_VERSION(5), CALICO(10), CALICO_OLD(3), MISSING_VNET(4),
        SHARED_ROUTE_TABLE(5), RESERVED_POD_CIDR(8), FAILED(3), SMALL_SUBNET(4), EGRESS_UDR(10);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }

        static Kind pick(int roll) {
            int sum = 0;
            for (Kind k : values()) {
                sum += k.percent;
                if (roll < sum) {
                    return k;
                }
            }
            throw new IllegalStateException("shares do not add up to 100");
        }
    }

    /** One generated cluster: its subscription index and its resources (no VNet or route table where it has none). */
    public record Member(int subscription, ObjectNode cluster, ObjectNode vnet, ObjectNode routeTable) {
        public String id() {
            return cluster.path("id").asText();
        }
    }

    private SyntheticFleet() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticFleet CLUSTERS OUT_DIR [SEED]");
            System.exit(2);
        }
        int clusters = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        write(out, clusters, seed);
        System.err.println("wrote " + clusters + " clusters to " + out);
    }

    /** The placeholder id of subscription {@code s}. */
    public static String subscriptionId(int s) {
        return String.format(Locale.ROOT, "00000000-0000-0000-0000-%012x", 0xb000 + s);
    }

    /** {@code clusters} clusters of a mix, {@code perSubscription} to a subscription. */
    public static List<Member> generate(int clusters, int perSubscription, Mix mix, long seed) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            members.add(cluster(i, i / perSubscription, i % perSubscription, mix,
                    new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L))));
        }
        return members;
    }

    /** Loads {@code subscriptions × clustersPerSubscription} ready clusters into the fake's store; returns their ids. */
    public static List<String> load(ResourceStore store, int subscriptions, int clustersPerSubscription) {
        for (int s = 0; s < subscriptions; s++) {
            store.addSubscription(subscriptionId(s), "synthetic-" + s);
        }
        List<String> ids = new ArrayList<>();
        for (Member member : generate(subscriptions * clustersPerSubscription, clustersPerSubscription, Mix.READY, 42L)) {
            store.put(member.cluster());
            if (member.vnet() != null) {
                store.put(member.vnet());
            }
            if (member.routeTable() != null) {
                store.put(member.routeTable());
            }
            ids.add(member.id());
        }
        return ids;
    }

    /** Writes a varied fleet of {@code clusters} as files, one folder per subscription of 100. */
    public static void write(Path dir, int clusters, long seed) throws IOException {
        List<Member> members = generate(clusters, PER_SUBSCRIPTION, Mix.VARIED, seed);
        for (int first = 0; first < clusters; first += PER_SUBSCRIPTION) {
            Path folder = dir.resolve(String.format(Locale.ROOT, "sub-%04d", first / PER_SUBSCRIPTION));
            Files.createDirectories(folder);
            List<Member> part = members.subList(first, Math.min(clusters, first + PER_SUBSCRIPTION));
            array(folder.resolve("managed-clusters.json"), part.stream().map(Member::cluster).toList());
            array(folder.resolve("virtual-networks.json"), part.stream().map(Member::vnet)
                    .filter(java.util.Objects::nonNull).toList());
            array(folder.resolve("route-tables.json"), part.stream().map(Member::routeTable)
                    .filter(java.util.Objects::nonNull).toList());
            around(folder, subscriptionId(first / PER_SUBSCRIPTION));
        }
    }

    /**
     * What {@code az lock list} and {@code az network nsg list} print for the subscription: one lock and one NSG on
     * a shared-services group no cluster uses, so the lock and NSG checks count the subscription as read.
     */
    private static void around(Path folder, String subscription) throws IOException {
        String rg = "/subscriptions/" + subscription + "/resourceGroups/rg-shared-services";
        ObjectNode lock = Json.object().put("id", rg + "/providers/Microsoft.Authorization/locks/keep")
                .put("level", "CanNotDelete").put("name", "keep").putNull("notes").putNull("owners")
                .put("resourceGroup", "rg-shared-services").put("type", "Microsoft.Authorization/locks");
        array(folder.resolve("lock-list.json"), List.of(lock));
        ObjectNode nsg = Json.object();
        nsg.putArray("defaultSecurityRules");
        nsg.put("id", rg + "/providers/Microsoft.Network/networkSecurityGroups/nsg-shared")
                .put("location", "westeurope").put("name", "nsg-shared").put("resourceGroup", "rg-shared-services");
        nsg.putArray("securityRules");
        nsg.putArray("subnets");
        nsg.put("type", "Microsoft.Network/networkSecurityGroups");
        array(folder.resolve("network-nsg-list.json"), List.of(nsg));
    }

    private static void array(Path file, List<ObjectNode> items) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[\n");
            for (int i = 0; i < items.size(); i++) {
                w.write(Json.write(items.get(i)));
                w.write(i < items.size() - 1 ? ",\n" : "\n");
            }
            w.write("]\n");
        }
    }

    private static Member cluster(int i, int sub, int c, Mix mix, SplittableRandom rng) {
        Kind kind = mix == Mix.READY ? Kind.READY : Kind.pick(rng.nextInt(100));
        String subscription = subscriptionId(sub);
        String location = mix == Mix.READY ? "westeurope" : LOCATIONS[rng.nextInt(LOCATIONS.length)];
        String team = TEAMS[rng.nextInt(TEAMS.length)];
        String name = mix == Mix.READY ? "aks-" + sub + "-" + c : String.format(Locale.ROOT, "aks-%s-%05d", team, i);
        String rg = "rg-" + name;
        String nodeRg = "MC_" + rg + "_" + name + "_" + location;
        String digits = String.format(Locale.ROOT, "%08d", 10_000_000 + i);
        String hex = String.format(Locale.ROOT, "%012x", i);
        boolean byo = mix == Mix.READY || kind == Kind.MISSING_VNET || kind == Kind.SMALL_SUBNET
                || kind == Kind.EGRESS_UDR || kind == Kind.SHARED_ROUTE_TABLE || rng.nextInt(10) < 7;
        int octet = 20 + (i % 180);
        String vnetRg = byo ? rg + "-network" : nodeRg;
        String vnetName = byo ? "vnet-" + name : "aks-vnet-" + digits;
        String vnetId = "/subscriptions/" + subscription + "/resourceGroups/" + vnetRg
                + "/providers/Microsoft.Network/virtualNetworks/" + vnetName;
        String subnetName = byo ? "snet-aks" : "aks-subnet";
        String subnetId = vnetId + "/subnets/" + subnetName;
        String rtName = byo ? "rt-" + name : "aks-agentpool-" + digits + "-routetable";
        String rtId = "/subscriptions/" + subscription + "/resourceGroups/" + vnetRg
                + "/providers/Microsoft.Network/routeTables/" + rtName;
        String version = switch (kind) {
            case OLD_VERSION -> "1.26.15";
            case CALICO_OLD -> "1.29.13";
            default -> new String[] {"1.30.12", "1.31.7", "1.31.5", "1.32.4"}[rng.nextInt(4)];
        };
        String vnetPrefix = byo ? "10." + octet + ".0.0/16" : "10.224.0.0/12";
        String subnetPrefix = kind == Kind.SMALL_SUBNET ? "10." + octet + ".0.0/28"
                : byo ? "10." + octet + ".0.0/22" : "10.224.0.0/16";
        String nodeBase = byo ? "10." + octet + ".0." : "10.224.0.";

        int pools = kind == Kind.SMALL_SUBNET ? 1 : 1 + rng.nextInt(3);
        ArrayNode poolProfiles = Json.array();
        List<String> nodes = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            String pool = p == 0 ? "system" : "user" + p;
            int count = kind == Kind.SMALL_SUBNET ? 9 : 2 + rng.nextInt(p == 0 ? 3 : 12);
            boolean autoscale = p > 0 && rng.nextBoolean();
            String surge = kind == Kind.SMALL_SUBNET ? "3" : rng.nextBoolean() ? "33%" : "1";
            ObjectNode profile = poolProfiles.addObject().put("name", pool).put("count", count)
                    .put("vmSize", "Standard_D4s_v5").put("osDiskSizeGB", 128).put("osDiskType", "Managed")
                    .put("kubeletDiskType", "OS");
            if (byo) {
                profile.put("vnetSubnetID", subnetId);
            }
            profile.put("maxPods", 110).put("type", "VirtualMachineScaleSets").put("enableAutoScaling", autoscale);
            if (autoscale) {
                profile.put("minCount", count).put("maxCount", count + 5);
            }
            profile.set("availabilityZones", Json.array().add("1").add("2").add("3"));
            profile.put("scaleDownMode", "Delete")
                    .put("provisioningState", kind == Kind.FAILED && p == pools - 1 ? "Failed" : "Succeeded");
            profile.putObject("powerState").put("code", "Running");
            profile.put("orchestratorVersion", version).put("currentOrchestratorVersion", version)
                    .put("enableNodePublicIP", false).put("mode", p == 0 ? "System" : "User").put("osType", "Linux")
                    .put("osSKU", "Ubuntu").put("nodeImageVersion", "AKSUbuntu-2204gen2containerd-202509.23.0");
            profile.putObject("upgradeSettings").put("maxSurge", surge);
            profile.put("enableFIPS", false).put("eTag", "00000000-0000-0000-0000-"
                    + String.format(Locale.ROOT, "%012x", i * 8L + p));
            for (int n = 0; n < count; n++) {
                nodes.add(String.format(Locale.ROOT, "aks-%s-%s-vmss%06d", pool, digits, n));
            }
        }
        String podCidr = kind == Kind.RESERVED_POD_CIDR ? "172.16.0.0/12" : "10.244.0.0/16";
        ObjectNode cluster = Json.object().put("id", "/subscriptions/" + subscription + "/resourcegroups/" + rg
                + "/providers/Microsoft.ContainerService/managedClusters/" + name).put("location", location)
                .put("name", name);
        cluster.putObject("tags").put("owner", "team-" + (i % 37) + "@example.com")
                .put("env", new String[] {"prod", "stg", "dev"}[rng.nextInt(3)]).put("cost-center", "cc-" + (i % 11));
        cluster.put("type", "Microsoft.ContainerService/ManagedClusters").put("eTag", "00000000-0000-0000-0000-" + hex);
        cluster.putObject("sku").put("name", "Base").put("tier", "Standard");
        ObjectNode props = cluster.putObject("properties")
                .put("provisioningState", kind == Kind.FAILED ? "Failed" : "Succeeded");
        props.putObject("powerState").put("code", "Running");
        props.put("maxAgentPools", 100).put("kubernetesVersion", version).put("currentKubernetesVersion", version)
                .put("dnsPrefix", name).put("fqdn", name + "-" + digits + ".hcp." + location + ".azmk8s.io");
        props.set("agentPoolProfiles", poolProfiles);
        props.putObject("linuxProfile").put("adminUsername", "azureuser").putObject("ssh").putArray("publicKeys")
                .addObject().put("keyData", "ssh-rsa AAAAB3Nza-synthetic");
        props.putObject("servicePrincipalProfile").put("clientId", "msi");
        props.putObject("addonProfiles").putObject("omsagent").put("enabled", true).putObject("config")
                .put("logAnalyticsWorkspaceResourceID", "/subscriptions/" + subscription
                        + "/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-"
                        + location);
        props.put("nodeResourceGroup", nodeRg).put("enableRBAC", true).put("supportPlan", "KubernetesOfficial");
        ObjectNode network = props.putObject("networkProfile");
        if (kind == Kind.OVERLAY) {
            network.put("networkPlugin", "azure").put("networkPluginMode", "overlay").put("networkDataplane", "cilium")
                    .put("networkPolicy", "cilium");
        } else {
            network.put("networkPlugin", "kubenet");
            if (kind == Kind.CALICO || kind == Kind.CALICO_OLD) {
                network.put("networkPolicy", "calico");
            }
        }
        network.put("podCidr", podCidr).put("serviceCidr", "10.0.0.0/16").put("dnsServiceIP", "10.0.0.10")
                .put("outboundType", kind == Kind.EGRESS_UDR ? "userDefinedRouting" : "loadBalancer")
                .put("loadBalancerSku", "standard");
        network.set("podCidrs", Json.array().add(podCidr));
        network.set("serviceCidrs", Json.array().add("10.0.0.0/16"));
        network.set("ipFamilies", Json.array().add("IPv4"));
        props.putObject("identityProfile").putObject("kubeletidentity").put("resourceId", "/subscriptions/"
                + subscription + "/resourcegroups/" + nodeRg + "/providers/Microsoft.ManagedIdentity/"
                + "userAssignedIdentities/" + name + "-agentpool");
        ObjectNode identity = cluster.putObject("identity");
        if (kind == Kind.SYSTEM_ASSIGNED) {
            identity.put("type", "SystemAssigned").put("principalId", "00000000-0000-0000-0000-0000c1d00006")
                    .put("tenantId", "00000000-0000-0000-0000-0000000000f0");
        } else {
            String uami = "/subscriptions/" + subscription + "/resourceGroups/" + rg
                    + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-" + name;
            ObjectNode entry = identity.put("type", "UserAssigned").putObject("userAssignedIdentities").putObject(uami);
            if (mix == Mix.VARIED) {
                // A ready fleet leaves the ids to ARM, which fills them in on the first write.
                entry.put("principalId", "00000000-0000-0000-0000-0000c1d00006")
                        .put("clientId", "00000000-0000-0000-0000-0000c1d10007");
            }
        }
        if (kind == Kind.MISSING_VNET) {
            return new Member(sub, cluster, null, null);
        }

        ArrayNode ipConfigs = Json.array();
        ArrayNode routes = Json.array();
        String podBase = kind == Kind.RESERVED_POD_CIDR ? "172.16." : "10.244.";
        for (int n = 0; n < nodes.size(); n++) {
            String node = nodes.get(n);
            String vmss = node.substring(0, node.length() - 6);
            ipConfigs.addObject().put("id", "/subscriptions/" + subscription + "/resourceGroups/" + nodeRg
                    + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + vmss + "/virtualMachines/" + n
                    + "/networkInterfaces/" + vmss + "/ipConfigurations/ipconfig1");
            if (kind != Kind.OVERLAY) {
                route(routes, rtId, node, podBase + (n % 256) + ".0/24", nodeBase + (4 + n % 250))
                        .put("type", "Microsoft.Network/routeTables/routes");
            }
        }
        if (kind == Kind.EGRESS_UDR) {
            route(routes, rtId, "default-to-firewall", "0.0.0.0/0", "10." + octet + ".255.4");
        }
        boolean routeTable = kind != Kind.OVERLAY;
        ArrayNode subnets = Json.array();
        ObjectNode nodeSubnet = subnet(subnets, subnetName, subnetId, subnetPrefix, routeTable ? rtId : null);
        nodeSubnet.set("ipConfigurations", ipConfigs);
        nodeSubnet.put("privateEndpointNetworkPolicies", "Disabled");
        ArrayNode associated = Json.array();
        associated.addObject().put("id", subnetId);
        if (kind == Kind.SHARED_ROUTE_TABLE) {
            subnet(subnets, "snet-appgw", vnetId + "/subnets/snet-appgw", "10." + octet + ".8.0/24", rtId);
            associated.addObject().put("id", vnetId + "/subnets/snet-appgw");
        }
        ObjectNode vnet = Json.object().put("name", vnetName).put("id", vnetId).put("etag", "W/\"00000000-0000-0000-0000-"
                + hex + "\"").put("type", "Microsoft.Network/virtualNetworks").put("location", location);
        vnet.putObject("tags").put("owner", "team-" + (i % 37) + "@example.com");
        ObjectNode vnetProps = vnet.putObject("properties").put("provisioningState", "Succeeded");
        vnetProps.putObject("addressSpace").putArray("addressPrefixes").add(vnetPrefix);
        vnetProps.set("subnets", subnets);
        vnetProps.putArray("virtualNetworkPeerings");
        if (!routeTable) {
            return new Member(sub, cluster, vnet, null);
        }
        ObjectNode table = Json.object().put("name", rtName).put("id", rtId).put("etag", "W/\"00000000-0000-0000-0000-"
                + hex + "\"").put("type", "Microsoft.Network/routeTables").put("location", location);
        ObjectNode tableProps = table.putObject("properties").put("disableBgpRoutePropagation", false)
                .put("provisioningState", "Succeeded");
        tableProps.set("routes", routes);
        tableProps.set("subnets", associated);
        return new Member(sub, cluster, vnet, table);
    }

    private static ObjectNode route(ArrayNode routes, String tableId, String name, String prefix, String nextHop) {
        ObjectNode route = routes.addObject().put("name", name).put("id", tableId + "/routes/" + name);
        route.putObject("properties").put("addressPrefix", prefix).put("nextHopType", "VirtualAppliance")
                .put("nextHopIpAddress", nextHop).put("provisioningState", "Succeeded");
        return route;
    }

    /** Adds a subnet; returns its {@code properties} for more fields. */
    private static ObjectNode subnet(ArrayNode subnets, String name, String id, String prefix, String routeTable) {
        ObjectNode subnet = subnets.addObject().put("name", name).put("id", id);
        ObjectNode props = subnet.putObject("properties").put("provisioningState", "Succeeded")
                .put("addressPrefix", prefix);
        if (routeTable != null) {
            props.putObject("routeTable").put("id", routeTable);
        }
        subnet.put("type", "Microsoft.Network/virtualNetworks/subnets");
        return props;
    }
}
