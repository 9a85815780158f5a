package org.kubenetmigrate.bench;

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
 * A deterministic synthetic fleet for the benchmark (bench/report-bench.sh) and the browser paging test: N AKS
 * clusters with their virtual networks and route tables in Azure's own ARM JSON shapes (bare arrays of resources, as
 * {@code az graph query} rows are), 100 clusters per subscription folder, with mixed readiness: ready clusters,
 * Overlay clusters (not applicable), and clusters that trip each of the main rules.
 *
 * <p>Same N and seed, same bytes: each cluster draws from its own random stream, so cluster k is the same whatever N.
 * All data is made up; ids use placeholder GUIDs.
 *
 * <p>Usage: {@code java -cp cli/target/test-classes org.kubenetmigrate.bench.SyntheticFleet N OUT_DIR [SEED]}
 */
public final class SyntheticFleet {
    static final int PER_SUBSCRIPTION = 100;
    static final String[] LOCATIONS = {"westeurope", "northeurope", "eastus2", "southeastasia", "uksouth", "centralus"};

    /** What goes wrong with a cluster, with its share of the fleet in percent (they add up to 100). */
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

    public static void write(Path dir, int clusters, long seed) throws IOException {
        for (int first = 0; first < clusters; first += PER_SUBSCRIPTION) {
            int sub = first / PER_SUBSCRIPTION;
            Path folder = dir.resolve(String.format(Locale.ROOT, "sub-%04d", sub));
            Files.createDirectories(folder);
            List<String> managedClusters = new ArrayList<>();
            List<String> vnets = new ArrayList<>();
            List<String> routeTables = new ArrayList<>();
            for (int i = first; i < Math.min(clusters, first + PER_SUBSCRIPTION); i++) {
                cluster(i, sub, new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L)), managedClusters, vnets,
                        routeTables);
            }
            array(folder.resolve("managed-clusters.json"), managedClusters);
            array(folder.resolve("virtual-networks.json"), vnets);
            array(folder.resolve("route-tables.json"), routeTables);
            around(folder, String.format(Locale.ROOT, "00000000-0000-0000-0000-%012x", 0xb000 + sub));
        }
    }

    /**
     * What {@code az lock list} and {@code az network nsg list} print for the subscription: one lock and one NSG on
     * a shared-services group no cluster uses, so the lock and NSG checks count the subscription as read.
     */
    private static void around(Path folder, String subscription) throws IOException {
        String rg = "/subscriptions/" + subscription + "/resourceGroups/rg-shared-services";
        array(folder.resolve("lock-list.json"), List.of("{\"id\":\"" + rg
                + "/providers/Microsoft.Authorization/locks/keep\",\"level\":\"CanNotDelete\",\"name\":\"keep\","
                + "\"notes\":null,\"owners\":null,\"resourceGroup\":\"rg-shared-services\","
                + "\"type\":\"Microsoft.Authorization/locks\"}"));
        array(folder.resolve("network-nsg-list.json"), List.of("{\"defaultSecurityRules\":[],\"id\":\"" + rg
                + "/providers/Microsoft.Network/networkSecurityGroups/nsg-shared\",\"location\":\"westeurope\","
                + "\"name\":\"nsg-shared\",\"resourceGroup\":\"rg-shared-services\",\"securityRules\":[],"
                + "\"subnets\":[],\"type\":\"Microsoft.Network/networkSecurityGroups\"}"));
    }

    private static void array(Path file, List<String> items) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[\n");
            for (int i = 0; i < items.size(); i++) {
                w.write(items.get(i));
                w.write(i < items.size() - 1 ? ",\n" : "\n");
            }
            w.write("]\n");
        }
    }

    private static void cluster(int i, int sub, SplittableRandom rng, List<String> clusters, List<String> vnets,
                                List<String> routeTables) {
        Kind kind = Kind.pick(rng.nextInt(100));
        String subscription = String.format(Locale.ROOT, "00000000-0000-0000-0000-%012x", 0xb000 + sub);
        String location = LOCATIONS[rng.nextInt(LOCATIONS.length)];
        String name = String.format(Locale.ROOT, "aks-%s-%05d", new String[] {"web", "api", "data", "batch", "ml",
            "edge", "pay", "ops"}[rng.nextInt(8)], i);
        String rg = "rg-" + name;
        String nodeRg = "MC_" + rg + "_" + name + "_" + location;
        String digits = String.format(Locale.ROOT, "%08d", 10_000_000 + i);
        boolean byo = kind == Kind.MISSING_VNET || kind == Kind.SMALL_SUBNET || kind == Kind.EGRESS_UDR
                || kind == Kind.SHARED_ROUTE_TABLE || rng.nextInt(10) < 7;
        int octet = 20 + (i % 180);
        String netRg = rg + "-network";
        String vnetName = byo ? "vnet-" + name : "aks-vnet-" + digits;
        String vnetRg = byo ? netRg : nodeRg;
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
        List<String> poolJson = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            String pool = p == 0 ? "system" : "user" + p;
            int count = kind == Kind.SMALL_SUBNET ? 9 : 2 + rng.nextInt(p == 0 ? 3 : 12);
            boolean autoscale = p > 0 && rng.nextBoolean();
            String surge = kind == Kind.SMALL_SUBNET ? "3" : rng.nextBoolean() ? "33%" : "1";
            String state = kind == Kind.FAILED && p == pools - 1 ? "Failed" : "Succeeded";
            poolJson.add("{\"name\":\"" + pool + "\",\"count\":" + count + ",\"vmSize\":\"Standard_D4s_v5\","
                    + "\"osDiskSizeGB\":128,\"osDiskType\":\"Managed\",\"kubeletDiskType\":\"OS\","
                    + (byo ? "\"vnetSubnetID\":\"" + subnetId + "\"," : "")
                    + "\"maxPods\":110,\"type\":\"VirtualMachineScaleSets\",\"enableAutoScaling\":" + autoscale + ","
                    + (autoscale ? "\"minCount\":" + count + ",\"maxCount\":" + (count + 5) + "," : "")
                    + "\"availabilityZones\":[\"1\",\"2\",\"3\"],\"scaleDownMode\":\"Delete\",\"provisioningState\":\""
                    + state + "\",\"powerState\":{\"code\":\"Running\"},\"orchestratorVersion\":\"" + version
                    + "\",\"currentOrchestratorVersion\":\"" + version + "\",\"enableNodePublicIP\":false,\"mode\":\""
                    + (p == 0 ? "System" : "User") + "\",\"osType\":\"Linux\",\"osSKU\":\"Ubuntu\","
                    + "\"nodeImageVersion\":\"AKSUbuntu-2204gen2containerd-202509.23.0\",\"upgradeSettings\":"
                    + "{\"maxSurge\":\"" + surge + "\"},\"enableFIPS\":false,\"eTag\":\"00000000-0000-0000-0000-"
                    + String.format(Locale.ROOT, "%012x", i * 8L + p) + "\"}");
            for (int n = 0; n < count; n++) {
                nodes.add(String.format(Locale.ROOT, "aks-%s-%s-vmss%06d", pool, digits, n));
            }
        }
        String policy = kind == Kind.CALICO || kind == Kind.CALICO_OLD ? ",\"networkPolicy\":\"calico\"" : "";
        String podCidr = kind == Kind.RESERVED_POD_CIDR ? "172.16.0.0/12" : "10.244.0.0/16";
        String plugin = kind == Kind.OVERLAY ? "\"networkPlugin\":\"azure\",\"networkPluginMode\":\"overlay\","
                + "\"networkDataplane\":\"cilium\",\"networkPolicy\":\"cilium\"" : "\"networkPlugin\":\"kubenet\"" + policy;
        String outbound = kind == Kind.EGRESS_UDR ? "userDefinedRouting" : "loadBalancer";
        String identity = kind == Kind.SYSTEM_ASSIGNED
                ? "{\"type\":\"SystemAssigned\",\"principalId\":\"00000000-0000-0000-0000-0000c1d00006\","
                        + "\"tenantId\":\"00000000-0000-0000-0000-0000000000f0\"}"
                : "{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\"/subscriptions/" + subscription
                        + "/resourceGroups/" + rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-"
                        + name + "\":{\"principalId\":\"00000000-0000-0000-0000-0000c1d00006\",\"clientId\":"
                        + "\"00000000-0000-0000-0000-0000c1d10007\"}}}";
        String team = "team-" + (i % 37) + "@example.com";
        String env = new String[] {"prod", "stg", "dev"}[rng.nextInt(3)];
        clusters.add("{\"id\":\"/subscriptions/" + subscription + "/resourcegroups/" + rg
                + "/providers/Microsoft.ContainerService/managedClusters/" + name + "\",\"location\":\"" + location
                + "\",\"name\":\"" + name + "\",\"tags\":{\"owner\":\"" + team + "\",\"env\":\"" + env
                + "\",\"cost-center\":\"cc-" + (i % 11) + "\"},\"type\":\"Microsoft.ContainerService/ManagedClusters\","
                + "\"eTag\":\"00000000-0000-0000-0000-" + String.format(Locale.ROOT, "%012x", i) + "\","
                + "\"sku\":{\"name\":\"Base\",\"tier\":\"Standard\"},\"properties\":{\"provisioningState\":\""
                + (kind == Kind.FAILED ? "Failed" : "Succeeded") + "\",\"powerState\":{\"code\":\"Running\"},"
                + "\"maxAgentPools\":100,\"kubernetesVersion\":\"" + version + "\",\"currentKubernetesVersion\":\""
                + version + "\",\"dnsPrefix\":\"" + name + "\",\"fqdn\":\"" + name + "-" + digits + ".hcp." + location
                + ".azmk8s.io\",\"agentPoolProfiles\":[" + String.join(",", poolJson) + "],\"linuxProfile\":"
                + "{\"adminUsername\":\"azureuser\",\"ssh\":{\"publicKeys\":[{\"keyData\":\"ssh-rsa AAAAB3Nza-synthetic\"}]}},"
                + "\"servicePrincipalProfile\":{\"clientId\":\"msi\"},\"addonProfiles\":{\"omsagent\":{\"enabled\":true,"
                + "\"config\":{\"logAnalyticsWorkspaceResourceID\":\"/subscriptions/" + subscription
                + "/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-" + location
                + "\"}}},\"nodeResourceGroup\":\"" + nodeRg + "\",\"enableRBAC\":true,\"supportPlan\":"
                + "\"KubernetesOfficial\",\"networkProfile\":{" + plugin + ",\"podCidr\":\"" + podCidr + "\","
                + "\"serviceCidr\":\"10.0.0.0/16\",\"dnsServiceIP\":\"10.0.0.10\",\"outboundType\":\"" + outbound
                + "\",\"loadBalancerSku\":\"standard\",\"podCidrs\":[\"" + podCidr + "\"],\"serviceCidrs\":"
                + "[\"10.0.0.0/16\"],\"ipFamilies\":[\"IPv4\"]},\"identityProfile\":{\"kubeletidentity\":"
                + "{\"resourceId\":\"/subscriptions/" + subscription + "/resourcegroups/" + nodeRg
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name + "-agentpool\"}}},"
                + "\"identity\":" + identity + "}");

        if (kind == Kind.MISSING_VNET) {
            return;
        }
        List<String> ipConfigs = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        String podBase = kind == Kind.RESERVED_POD_CIDR ? "172.16." : "10.244.";
        for (int n = 0; n < nodes.size(); n++) {
            String node = nodes.get(n);
            String vmss = node.substring(0, node.length() - 6);
            ipConfigs.add("{\"id\":\"/subscriptions/" + subscription + "/resourceGroups/" + nodeRg
                    + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + vmss + "/virtualMachines/" + n
                    + "/networkInterfaces/" + vmss + "/ipConfigurations/ipconfig1\"}");
            if (kind != Kind.OVERLAY) {
                routes.add("{\"name\":\"" + node + "\",\"id\":\"" + rtId + "/routes/" + node + "\",\"properties\":"
                        + "{\"addressPrefix\":\"" + podBase + (n % 256) + ".0/24\",\"nextHopType\":\"VirtualAppliance\","
                        + "\"nextHopIpAddress\":\"" + nodeBase + (4 + n % 250) + "\",\"provisioningState\":\"Succeeded\"},"
                        + "\"type\":\"Microsoft.Network/routeTables/routes\"}");
            }
        }
        if (kind == Kind.EGRESS_UDR) {
            routes.add("{\"name\":\"default-to-firewall\",\"id\":\"" + rtId + "/routes/default-to-firewall\","
                    + "\"properties\":{\"addressPrefix\":\"0.0.0.0/0\",\"nextHopType\":\"VirtualAppliance\","
                    + "\"nextHopIpAddress\":\"10." + octet + ".255.4\",\"provisioningState\":\"Succeeded\"}}");
        }
        boolean routeTable = kind != Kind.OVERLAY;
        List<String> subnets = new ArrayList<>();
        subnets.add("{\"name\":\"" + subnetName + "\",\"id\":\"" + subnetId + "\",\"properties\":{\"provisioningState\":"
                + "\"Succeeded\",\"addressPrefix\":\"" + subnetPrefix + "\","
                + (routeTable ? "\"routeTable\":{\"id\":\"" + rtId + "\"}," : "")
                + "\"ipConfigurations\":[" + String.join(",", ipConfigs) + "],\"privateEndpointNetworkPolicies\":"
                + "\"Disabled\"},\"type\":\"Microsoft.Network/virtualNetworks/subnets\"}");
        List<String> associated = new ArrayList<>(List.of("{\"id\":\"" + subnetId + "\"}"));
        if (kind == Kind.SHARED_ROUTE_TABLE) {
            String appGw = vnetId + "/subnets/snet-appgw";
            subnets.add("{\"name\":\"snet-appgw\",\"id\":\"" + appGw + "\",\"properties\":{\"provisioningState\":"
                    + "\"Succeeded\",\"addressPrefix\":\"10." + octet + ".8.0/24\",\"routeTable\":{\"id\":\"" + rtId
                    + "\"}},\"type\":\"Microsoft.Network/virtualNetworks/subnets\"}");
            associated.add("{\"id\":\"" + appGw + "\"}");
        }
        vnets.add("{\"name\":\"" + vnetName + "\",\"id\":\"" + vnetId + "\",\"etag\":\"W/\\\"00000000-0000-0000-0000-"
                + String.format(Locale.ROOT, "%012x", i) + "\\\"\",\"type\":\"Microsoft.Network/virtualNetworks\","
                + "\"location\":\"" + location + "\",\"tags\":{\"owner\":\"" + team + "\"},\"properties\":"
                + "{\"provisioningState\":\"Succeeded\",\"addressSpace\":{\"addressPrefixes\":[\"" + vnetPrefix
                + "\"]},\"subnets\":[" + String.join(",", subnets) + "],\"virtualNetworkPeerings\":[]}}");
        if (routeTable) {
            routeTables.add("{\"name\":\"" + rtName + "\",\"id\":\"" + rtId + "\",\"etag\":\"W/\\\"00000000-0000-0000-"
                    + "0000-" + String.format(Locale.ROOT, "%012x", i) + "\\\"\",\"type\":\"Microsoft.Network/routeTables\","
                    + "\"location\":\"" + location + "\",\"properties\":{\"disableBgpRoutePropagation\":false,"
                    + "\"provisioningState\":\"Succeeded\",\"routes\":[" + String.join(",", routes) + "],\"subnets\":["
                    + String.join(",", associated) + "]}}");
        }
    }
}
