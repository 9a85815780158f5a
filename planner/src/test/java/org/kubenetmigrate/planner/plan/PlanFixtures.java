package org.kubenetmigrate.planner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPluginMode;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.ProvisioningState;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.SourceRef;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.rules.RuleCatalogue;

/**
 * Real records for plan tests: a kubenet cluster on a BYO VNet with its own route table, and small builders to
 * vary it. Named PlanFixtures so that it does not clash with a shared Fixtures class landing later.
 */
public final class PlanFixtures {
    public static final String SUB = "00000000-0000-0000-0000-000000000001";
    public static final String RG = "rg-prod";
    public static final String NET_RG = "rg-net";
    public static final String UAMI = "/subscriptions/" + SUB + "/resourceGroups/rg-id/providers/"
            + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aks-prod";
    public static final String ETAG = "\"etag-1\"";
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private PlanFixtures() {
    }

    public static String vnetId(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + NET_RG + "/providers/Microsoft.Network/virtualNetworks/" + name;
    }

    public static ArmId nodeSubnetId() {
        return ArmId.of(vnetId("vnet-prod") + "/subnets/snet-aks");
    }

    public static ArmId routeTableId() {
        return ArmId.of("/subscriptions/" + SUB + "/resourceGroups/" + NET_RG + "/providers/Microsoft.Network/routeTables/rt-aks");
    }

    public static ClusterBuilder cluster() {
        return new ClusterBuilder();
    }

    public static MigrationOptions overlay() {
        return MigrationOptions.DEFAULTS;
    }

    public static MigrationOptions options(TargetIpam target, boolean cilium, String requestedPodCidr, String assignIdentity) {
        return new MigrationOptions(target, cilium, requestedPodCidr == null ? null : IpPrefix.parse(requestedPodCidr),
                List.of(), assignIdentity);
    }

    /** The cluster's network: VNet 10.1.0.0/16 with node subnet 10.1.0.0/22 and route table rt-aks. */
    public static Fleet fleet(ManagedCluster cluster) {
        return fleet(cluster, "10.1.0.0/16", "10.1.0.0/22", false);
    }

    /** The same network with a chosen address space and node subnet, and optionally a 0.0.0.0/0 route. */
    public static Fleet fleet(ManagedCluster cluster, String addressSpace, String nodeSubnet, boolean defaultRoute) {
        Subnet subnet = new Subnet(nodeSubnetId(), "snet-aks", List.of(IpPrefix.parse(nodeSubnet)), routeTableId(), 20);
        VirtualNetwork vnet = new VirtualNetwork(ArmId.of(vnetId("vnet-prod")), "vnet-prod", SUB, NET_RG, "westeurope",
                List.of(IpPrefix.parse(addressSpace)), List.of(subnet), List.of(), "\"vnet-etag\"",
                new SourceRef("fleet.json", "/virtualNetworks/0"));
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("aks-system-000000", "10.244.0.0/24", IpPrefix.parse("10.244.0.0/24"), "VirtualAppliance", "10.1.0.4"));
        routes.add(new Route("aks-user-000000", "10.244.1.0/24", IpPrefix.parse("10.244.1.0/24"), "VirtualAppliance", "10.1.0.5"));
        if (defaultRoute) {
            routes.add(new Route("default-to-firewall", "0.0.0.0/0", IpPrefix.parse("0.0.0.0/0"), "VirtualAppliance", "10.2.0.4"));
        }
        RouteTable table = new RouteTable(routeTableId(), "rt-aks", SUB, NET_RG, routes, List.of(nodeSubnetId()),
                "\"rt-etag\"", new SourceRef("fleet.json", "/routeTables/0"));
        return new Fleet(List.of(cluster), List.of(vnet), List.of(table));
    }

    /**
     * A cluster on the AKS-managed VNet: pools name no subnet; the VNet and its route table live in the node
     * resource group. Build the cluster with {@link ClusterBuilder#managedVnet()}.
     */
    public static Fleet managedFleet(ManagedCluster cluster) {
        String nodeRg = cluster.nodeResourceGroup();
        String base = "/subscriptions/" + SUB + "/resourceGroups/" + nodeRg + "/providers/Microsoft.Network/";
        ArmId tableId = ArmId.of(base + "routeTables/aks-agentpool-12345678-routetable");
        ArmId subnetId = ArmId.of(base + "virtualNetworks/aks-vnet-12345678/subnets/aks-subnet");
        Subnet subnet = new Subnet(subnetId, "aks-subnet", List.of(IpPrefix.parse("10.224.0.0/16")), tableId, 7);
        VirtualNetwork vnet = new VirtualNetwork(ArmId.of(base + "virtualNetworks/aks-vnet-12345678"), "aks-vnet-12345678",
                SUB, nodeRg, "westeurope", List.of(IpPrefix.parse("10.224.0.0/12")), List.of(subnet), List.of(), null,
                new SourceRef("fleet.json", "/virtualNetworks/0"));
        RouteTable table = new RouteTable(tableId, "aks-agentpool-12345678-routetable", SUB, nodeRg,
                List.of(new Route("aks-system-000000", "10.244.0.0/24", IpPrefix.parse("10.244.0.0/24"),
                        "VirtualAppliance", "10.224.0.4")),
                List.of(subnetId), null, new SourceRef("fleet.json", "/routeTables/0"));
        return new Fleet(List.of(cluster), List.of(vnet), List.of(table));
    }

    public static ClusterAssessment assess(ManagedCluster cluster, MigrationOptions options) {
        return assess(cluster, fleet(cluster), options);
    }

    public static ClusterAssessment assess(ManagedCluster cluster, Fleet fleet, MigrationOptions options) {
        return new ReadinessAssessor(RuleCatalogue.all(), TODAY).assess(cluster, fleet, options);
    }

    public static MigrationPlan plan(ManagedCluster cluster, MigrationOptions options) {
        return Planner.plan(assess(cluster, options), options);
    }

    public static AgentPool systemPool() {
        return new AgentPool("system", "System", "VirtualMachineScaleSets", "Standard_D4s_v5", "Linux", 3, false,
                null, null, "1", 110, ProvisioningState.parse("Succeeded"), "Running", nodeSubnetId(), null, "1.31.2");
    }

    public static AgentPool userPool() {
        return new AgentPool("user", "User", "VirtualMachineScaleSets", "Standard_D8s_v5", "Linux", 4, true,
                2, 10, "33%", 110, ProvisioningState.parse("Succeeded"), "Running", nodeSubnetId(), null, "1.31.2");
    }

    /** A mutable description of a cluster; {@link #build()} makes the record. */
    public static final class ClusterBuilder {
        public String name = "aks-prod";
        public String resourceGroup = RG;
        public String kubernetesVersion = "1.31.2";
        public String currentKubernetesVersion = "1.31.2";
        public String provisioningState = "Succeeded";
        public String powerState = "Running";
        public String plugin = "kubenet";
        public String pluginMode;
        public String policy;
        public String dataplane;
        public String podCidr = "10.244.0.0/16";
        public String serviceCidr = "10.0.0.0/16";
        public String dnsServiceIp = "10.0.0.10";
        public String outboundType = "loadBalancer";
        public List<String> ipFamilies = List.of("IPv4");
        public String identityType = "UserAssigned";
        public List<String> identityIds = List.of(UAMI);
        public List<AgentPool> pools = List.of(systemPool(), userPool());
        public String etag = ETAG;
        public Map<String, String> tags = Map.of("env", "prod");
        public String idSpelling;

        public ClusterBuilder name(String name) {
            this.name = name;
            return this;
        }

        public ClusterBuilder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            this.currentKubernetesVersion = version;
            return this;
        }

        public ClusterBuilder policy(String policy) {
            this.policy = policy;
            return this;
        }

        public ClusterBuilder plugin(String plugin, String mode) {
            this.plugin = plugin;
            this.pluginMode = mode;
            return this;
        }

        public ClusterBuilder podCidr(String podCidr) {
            this.podCidr = podCidr;
            return this;
        }

        public ClusterBuilder identity(String type, List<String> ids) {
            this.identityType = type;
            this.identityIds = ids;
            return this;
        }

        public ClusterBuilder etag(String etag) {
            this.etag = etag;
            return this;
        }

        /** Pools without a subnet: the cluster runs on the AKS-managed VNet. */
        public ClusterBuilder managedVnet() {
            this.pools = pools.stream().map(p -> new AgentPool(p.name(), p.mode(), p.type(), p.vmSize(), p.osType(),
                    p.count(), p.autoscaling(), p.minCount(), p.maxCount(), p.maxSurge(), p.maxPods(),
                    p.provisioningState(), p.powerState(), null, null, p.orchestratorVersion())).toList();
            return this;
        }

        public ClusterBuilder pools(List<AgentPool> pools) {
            this.pools = pools;
            return this;
        }

        public String id() {
            String id = idSpelling != null ? idSpelling
                    : "/subscriptions/" + SUB + "/resourceGroups/" + resourceGroup
                    + "/providers/Microsoft.ContainerService/managedClusters/" + name;
            return id;
        }

        public ManagedCluster build() {
            IpPrefix pod = podCidr == null ? null : IpPrefix.parse(podCidr);
            IpPrefix service = serviceCidr == null ? null : IpPrefix.parse(serviceCidr);
            NetworkProfile network = new NetworkProfile(NetworkPlugin.parse(plugin), NetworkPluginMode.parse(pluginMode),
                    NetworkPolicy.parse(policy), Dataplane.parse(dataplane), pod,
                    pod == null ? List.of() : List.of(pod), service, service == null ? List.of() : List.of(service),
                    dnsServiceIp, outboundType, ipFamilies);
            return new ManagedCluster(ArmId.of(id()), name, SUB, resourceGroup, "westeurope", kubernetesVersion,
                    currentKubernetesVersion, ProvisioningState.parse(provisioningState), powerState, network,
                    new ClusterIdentity(identityType, identityIds), pools, false, false, false,
                    "MC_" + resourceGroup + "_" + name + "_westeurope", etag, tags,
                    new SourceRef("fleet.json", "/clusters/0"));
        }
    }
}
