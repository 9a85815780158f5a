package org.kubenetmigrate.planner.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.ClusterIdentity;
import org.kubenetmigrate.planner.model.ComputeUsages;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPluginMode;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.model.ProvisioningState;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.model.Peering;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.RouteTable;
import org.kubenetmigrate.planner.model.SourceRef;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.rules.ClusterContext;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.RuleCatalogue;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.sizing.Sizer;

/**
 * Fluent builders for the domain records, with defaults that make a kubenet cluster READY, so that a test changes
 * only what it is about. {@link #byoVnet()} and {@link #managedVnet()} give a whole scenario (cluster, network,
 * options) that runs through the real {@link ReadinessAssessor}.
 */
public final class Fixtures {
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final SourceRef SOURCE = new SourceRef("fixture.json", "");

    private Fixtures() {
    }

    // ---- ids ----

    public static ArmId vnetId(String resourceGroup, String vnet) {
        return ArmId.of("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Network/virtualNetworks/" + vnet);
    }

    public static ArmId subnetId(String resourceGroup, String vnet, String subnet) {
        return ArmId.of(vnetId(resourceGroup, vnet).value() + "/subnets/" + subnet);
    }

    public static ArmId routeTableId(String resourceGroup, String name) {
        return ArmId.of("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Network/routeTables/" + name);
    }

    // ---- entry points ----

    public static ClusterBuilder kubenetCluster(String name) {
        return new ClusterBuilder(name);
    }

    /** A stand-alone pool: VMSS, Standard_D4s_v5, 3 nodes, maxSurge 1, no subnet. */
    public static PoolBuilder pool(String name) {
        return new PoolBuilder(name);
    }

    public static VnetBuilder vnet(String resourceGroup, String name, String... addressSpace) {
        return new VnetBuilder(resourceGroup, name, addressSpace);
    }

    public static RouteTableBuilder routeTable(String resourceGroup, String name) {
        return new RouteTableBuilder(resourceGroup, name);
    }

    public static OptionsBuilder options() {
        return new OptionsBuilder();
    }

    /**
     * A READY kubenet cluster {@code aks-prod} (rg-aks) on a customer VNet: vnet-prod 10.240.0.0/16 in rg-net, node
     * subnet snet-aks 10.240.0.0/22 with 3 addresses in use, route table rt-aks holding the kubenet pod routes; one
     * pool nodepool1 of 3 nodes, maxSurge 1; pod CIDR 10.244.0.0/16, service CIDR 10.0.0.0/16.
     */
    public static Scenario byoVnet() {
        RouteTableBuilder rt = routeTable("rg-net", "rt-aks")
                .route("aks-nodepool1-0", "10.244.0.0/24", "VirtualAppliance", "10.240.0.4")
                .route("aks-nodepool1-1", "10.244.1.0/24", "VirtualAppliance", "10.240.0.5")
                .route("aks-nodepool1-2", "10.244.2.0/24", "VirtualAppliance", "10.240.0.6");
        VnetBuilder vnet = vnet("rg-net", "vnet-prod", "10.240.0.0/16");
        vnet.subnet("snet-aks", "10.240.0.0/22").used(3).routeTable(rt);
        ClusterBuilder cluster = kubenetCluster("aks-prod").onSubnet(subnetId("rg-net", "vnet-prod", "snet-aks"));
        return new Scenario(cluster, vnet, rt);
    }

    /** The same READY cluster on the AKS-managed VNet (aks-vnet 10.224.0.0/12, aks-subnet 10.224.0.0/16) in its node RG. */
    public static Scenario managedVnet() {
        ClusterBuilder cluster = kubenetCluster("aks-prod");
        String nodeRg = cluster.nodeResourceGroup;
        RouteTableBuilder rt = routeTable(nodeRg, "aks-agentpool-12345678-routetable")
                .route("aks-nodepool1-0", "10.244.0.0/24", "VirtualAppliance", "10.224.0.4");
        VnetBuilder vnet = vnet(nodeRg, "aks-vnet-12345678", "10.224.0.0/12");
        vnet.subnet("aks-subnet", "10.224.0.0/16").used(3).routeTable(rt);
        return new Scenario(cluster, vnet, rt);
    }

    public static ClusterAssessment assess(ManagedCluster cluster, Fleet fleet, MigrationOptions options) {
        return new ReadinessAssessor(RuleCatalogue.all(), TODAY).assess(cluster, fleet, options);
    }

    public static List<Finding> findings(ClusterAssessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.rule().equals(ruleId)).toList();
    }

    /** The one finding of that rule; fails the test when there is none or more than one. */
    public static Finding finding(ClusterAssessment assessment, String ruleId) {
        List<Finding> found = findings(assessment, ruleId);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + ruleId + " finding but got " + found
                    + "; all findings: " + assessment.findings());
        }
        return found.get(0);
    }

    public static List<Unverified> unverified(ClusterAssessment assessment, String ruleId) {
        return assessment.unverified().stream().filter(u -> u.check().equals(ruleId)).toList();
    }

    private static List<IpPrefix> parseAll(String... cidrs) {
        return Arrays.stream(cidrs).map(IpPrefix::parse).toList();
    }

    // ---- scenario ----

    /** A cluster with the networks and options it is assessed with. Builders stay mutable until assess(). */
    public static final class Scenario {
        public final ClusterBuilder cluster;
        public final List<VnetBuilder> vnets = new ArrayList<>();
        public final List<RouteTableBuilder> routeTables = new ArrayList<>();
        public final OptionsBuilder options = new OptionsBuilder();
        /** What surrounds the cluster: by default every type read in the fixture subscription and nothing found. */
        public Surroundings.Builder surroundings = quietSurroundings();

        Scenario(ClusterBuilder cluster, VnetBuilder vnet, RouteTableBuilder routeTable) {
            this.cluster = cluster;
            this.vnets.add(vnet);
            this.routeTables.add(routeTable);
        }

        public VnetBuilder vnet() {
            return vnets.get(0);
        }

        public RouteTableBuilder routeTable() {
            return routeTables.get(0);
        }

        /** Drops the virtual networks from the input (the route tables stay, but nothing points at them). */
        public Scenario withoutVnets() {
            vnets.clear();
            return this;
        }

        /** Drops the route tables from the input while the subnets still name them. */
        public Scenario withoutRouteTables() {
            routeTables.clear();
            return this;
        }

        public ManagedCluster buildCluster() {
            return cluster.build();
        }

        public Fleet fleet() {
            ManagedCluster c = cluster.build();
            return new Fleet(List.of(c), vnets.stream().map(VnetBuilder::build).toList(),
                    routeTables.stream().map(RouteTableBuilder::build).toList(), List.of(), surroundings.build());
        }

        public ClusterAssessment assess() {
            Fleet fleet = fleet();
            return Fixtures.assess(fleet.clusters().get(0), fleet, options.build());
        }

        /**
         * Assessed as with in-cluster checks that ran and found a healthy cluster: without them the ip-masq-agent
         * check is unverified and no cluster can be READY, so tests of a verdict use this.
         */
        public ClusterAssessment assessChecked() {
            return InClusterFixtures.healthy().assess(this);
        }

        /** The context a rule sees, built the way the assessor builds it. */
        public ClusterContext context() {
            Fleet fleet = fleet();
            ManagedCluster c = fleet.clusters().get(0);
            MigrationOptions o = options.build();
            NodeNetwork network = NodeNetwork.resolve(c, fleet);
            return new ClusterContext(c, network, Sizer.size(c, network, o), o, TODAY, InClusterView.notRequested(),
                    fleet.conflicts(), fleet);
        }

        /**
         * Adds what an Azure JSON document holds around the cluster (locks, NSGs, usages, effective routes), read by
         * the same reader as a file.
         */
        public Scenario around(String azureJson) {
            try {
                surroundings.addAll(new org.kubenetmigrate.planner.input.FleetReader()
                        .read("around.json", new com.fasterxml.jackson.databind.ObjectMapper().readTree(azureJson))
                        .surroundings());
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
            return this;
        }

        /** Nothing around the cluster was read: the input is a plain cluster and network export. */
        public Scenario withNothingAround() {
            surroundings = new Surroundings.Builder();
            return this;
        }
    }

    /**
     * Locks and network security groups read in the fixture subscription with none found, and compute usages of
     * westeurope with ample quota for the fixture's Standard_D4s_v5 pools.
     */
    public static Surroundings.Builder quietSurroundings() {
        return new Surroundings.Builder()
                .cover(SurroundingType.LOCKS, SUBSCRIPTION)
                .cover(SurroundingType.NETWORK_SECURITY_GROUPS, SUBSCRIPTION)
                .add(new ComputeUsages(SUBSCRIPTION, "westeurope", List.of(
                        new ComputeUsages.Usage("cores", "Total Regional vCPUs", 24, 350),
                        new ComputeUsages.Usage("standardDSv5Family", "Standard DSv5 Family vCPUs", 12, 100)),
                        SOURCE));
    }

    // ---- cluster ----

    public static final class ClusterBuilder {
        final String name;
        String resourceGroup = "rg-aks";
        String location = "westeurope";
        String kubernetesVersion = "1.30.5";
        String currentKubernetesVersion = "1.30.5";
        String provisioningState = "Succeeded";
        String powerState = "Running";
        String plugin = "kubenet";
        String pluginMode;
        String policy;
        String podCidr = "10.244.0.0/16";
        List<String> extraPodCidrs = new ArrayList<>();
        List<String> serviceCidrs = new ArrayList<>(List.of("10.0.0.0/16"));
        String outboundType = "loadBalancer";
        List<String> ipFamilies = new ArrayList<>(List.of("IPv4"));
        ClusterIdentity identity;
        final List<PoolBuilder> pools = new ArrayList<>();
        boolean privateCluster;
        boolean agic;
        boolean podIdentity;
        String nodeResourceGroup;

        ClusterBuilder(String name) {
            this.name = name;
            this.nodeResourceGroup = "MC_rg-aks_" + name + "_westeurope";
            this.identity = new ClusterIdentity("UserAssigned", List.of("/subscriptions/" + SUBSCRIPTION
                    + "/resourceGroups/rg-aks/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aks"));
            pools.add(new PoolBuilder("nodepool1").mode("System"));
        }

        public ClusterBuilder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            this.currentKubernetesVersion = version;
            return this;
        }

        public ClusterBuilder versions(String requested, String current) {
            this.kubernetesVersion = requested;
            this.currentKubernetesVersion = current;
            return this;
        }

        public ClusterBuilder provisioningState(String state) {
            this.provisioningState = state;
            return this;
        }

        public ClusterBuilder powerState(String state) {
            this.powerState = state;
            return this;
        }

        public ClusterBuilder plugin(String plugin, String mode) {
            this.plugin = plugin;
            this.pluginMode = mode;
            return this;
        }

        public ClusterBuilder networkPolicy(String policy) {
            this.policy = policy;
            return this;
        }

        /** The IPv4 pod CIDR, or null for a profile that carries none. */
        public ClusterBuilder podCidr(String cidr) {
            this.podCidr = cidr;
            return this;
        }

        public ClusterBuilder serviceCidrs(String... cidrs) {
            this.serviceCidrs = new ArrayList<>(List.of(cidrs));
            return this;
        }

        public ClusterBuilder outboundType(String type) {
            this.outboundType = type;
            return this;
        }

        /** IPv4 + IPv6: adds fd12:3456:789a::/64 pods and fd12:3456:789a:1::/108 services. */
        public ClusterBuilder dualStack() {
            this.extraPodCidrs = new ArrayList<>(List.of("fd12:3456:789a::/64"));
            this.serviceCidrs.add("fd12:3456:789a:1::/108");
            this.ipFamilies = new ArrayList<>(List.of("IPv4", "IPv6"));
            return this;
        }

        public ClusterBuilder identity(String type, String... userAssignedIds) {
            this.identity = new ClusterIdentity(type, List.of(userAssignedIds));
            return this;
        }

        public ClusterBuilder privateCluster() {
            this.privateCluster = true;
            return this;
        }

        public ClusterBuilder agic() {
            this.agic = true;
            return this;
        }

        public ClusterBuilder podIdentity() {
            this.podIdentity = true;
            return this;
        }

        /** Puts every pool (now and added later) on this subnet. */
        public ClusterBuilder onSubnet(ArmId subnet) {
            pools.forEach(p -> p.subnet(subnet));
            return this;
        }

        /** The existing pool of that name. */
        public PoolBuilder pool(String poolName) {
            return pools.stream().filter(p -> p.name.equals(poolName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no pool " + poolName));
        }

        /** Adds a user pool with the defaults, on the first pool's subnet. */
        public PoolBuilder addPool(String poolName) {
            PoolBuilder pool = new PoolBuilder(poolName);
            if (!pools.isEmpty()) {
                pool.subnet(pools.get(0).subnet);
            }
            pools.add(pool);
            return pool;
        }

        public ClusterBuilder clearPools() {
            pools.clear();
            return this;
        }

        public ManagedCluster build() {
            ArmId id = ArmId.of("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + resourceGroup
                    + "/providers/Microsoft.ContainerService/managedClusters/" + name);
            IpPrefix v4 = podCidr == null ? null : IpPrefix.parse(podCidr);
            List<IpPrefix> podCidrs = new ArrayList<>();
            if (v4 != null) {
                podCidrs.add(v4);
            }
            extraPodCidrs.forEach(c -> podCidrs.add(IpPrefix.parse(c)));
            List<IpPrefix> services = serviceCidrs.stream().map(IpPrefix::parse).toList();
            NetworkProfile network = new NetworkProfile(NetworkPlugin.parse(plugin), NetworkPluginMode.parse(pluginMode),
                    NetworkPolicy.parse(policy), "kubenet".equals(plugin) ? null : AzureValue.of(Dataplane.AZURE),
                    v4, podCidrs, services.isEmpty() ? null : services.get(0), services, "10.0.0.10", outboundType,
                    ipFamilies);
            return new ManagedCluster(id, name, SUBSCRIPTION, resourceGroup, location, kubernetesVersion,
                    currentKubernetesVersion, ProvisioningState.parse(provisioningState), powerState, network, identity,
                    pools.stream().map(p -> p.build(currentKubernetesVersion)).toList(), privateCluster, agic,
                    podIdentity, nodeResourceGroup, "\"etag-1\"", Map.of(), SOURCE);
        }
    }

    public static final class PoolBuilder {
        final String name;
        String mode = "User";
        String type = "VirtualMachineScaleSets";
        String vmSize = "Standard_D4s_v5";
        int count = 3;
        boolean autoscaling;
        Integer minCount;
        Integer maxCount;
        String maxSurge = "1";
        Integer maxPods;
        String provisioningState = "Succeeded";
        ArmId subnet;

        PoolBuilder(String name) {
            this.name = name;
        }

        public PoolBuilder mode(String mode) {
            this.mode = mode;
            return this;
        }

        public PoolBuilder type(String type) {
            this.type = type;
            return this;
        }

        public PoolBuilder vmSize(String vmSize) {
            this.vmSize = vmSize;
            return this;
        }

        public PoolBuilder count(int count) {
            this.count = count;
            return this;
        }

        public PoolBuilder autoscale(int min, int max) {
            this.autoscaling = true;
            this.minCount = min;
            this.maxCount = max;
            return this;
        }

        /** The raw setting: "1", "33%", or null for unset. */
        public PoolBuilder maxSurge(String maxSurge) {
            this.maxSurge = maxSurge;
            return this;
        }

        public PoolBuilder maxPods(Integer maxPods) {
            this.maxPods = maxPods;
            return this;
        }

        public PoolBuilder provisioningState(String state) {
            this.provisioningState = state;
            return this;
        }

        public PoolBuilder subnet(ArmId subnet) {
            this.subnet = subnet;
            return this;
        }

        public AgentPool build() {
            return build("1.30.5");
        }

        AgentPool build(String version) {
            return new AgentPool(name, mode, type, vmSize, "Linux", count, autoscaling, minCount, maxCount, maxSurge,
                    maxPods, ProvisioningState.parse(provisioningState), "Running", subnet, null, version);
        }
    }

    // ---- network ----

    public static final class VnetBuilder {
        final String resourceGroup;
        final String name;
        final List<String> addressSpace;
        final List<SubnetBuilder> subnets = new ArrayList<>();
        final List<Peering> peerings = new ArrayList<>();

        VnetBuilder(String resourceGroup, String name, String... addressSpace) {
            this.resourceGroup = resourceGroup;
            this.name = name;
            this.addressSpace = new ArrayList<>(List.of(addressSpace));
        }

        public ArmId id() {
            return vnetId(resourceGroup, name);
        }

        public VnetBuilder addressSpace(String... prefixes) {
            addressSpace.clear();
            addressSpace.addAll(List.of(prefixes));
            return this;
        }

        /** Adds a subnet; returns it for further settings. */
        public SubnetBuilder subnet(String subnetName, String... prefixes) {
            SubnetBuilder subnet = new SubnetBuilder(subnetId(resourceGroup, name, subnetName), subnetName, prefixes);
            subnets.add(subnet);
            return subnet;
        }

        /** The existing subnet of that name. */
        public SubnetBuilder existingSubnet(String subnetName) {
            return subnets.stream().filter(s -> s.name.equals(subnetName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no subnet " + subnetName));
        }

        /** A peering that uses the remote network's gateway ({@code useRemoteGateways: true}). */
        public VnetBuilder gatewayPeering(String peeringName, String remoteResourceGroup, String remoteVnet,
                                          String... remoteSpace) {
            peerings.add(new Peering(peeringName, vnetId(remoteResourceGroup, remoteVnet), parseAll(remoteSpace),
                    "Connected", true));
            return this;
        }

        public VnetBuilder peering(String peeringName, String remoteResourceGroup, String remoteVnet, String... remoteSpace) {
            peerings.add(new Peering(peeringName, vnetId(remoteResourceGroup, remoteVnet), parseAll(remoteSpace),
                    "Connected"));
            return this;
        }

        public VirtualNetwork build() {
            return new VirtualNetwork(id(), name, SUBSCRIPTION, resourceGroup, "westeurope",
                    parseAll(addressSpace.toArray(String[]::new)), subnets.stream().map(SubnetBuilder::build).toList(),
                    peerings, "\"etag-1\"", SOURCE);
        }
    }

    public static final class SubnetBuilder {
        final ArmId id;
        final String name;
        List<String> prefixes;
        ArmId routeTableId;
        ArmId nsgId;
        int used;

        SubnetBuilder(ArmId id, String name, String... prefixes) {
            this.id = id;
            this.name = name;
            this.prefixes = List.of(prefixes);
        }

        public ArmId id() {
            return id;
        }

        public SubnetBuilder used(int used) {
            this.used = used;
            return this;
        }

        public SubnetBuilder prefixes(String... prefixes) {
            this.prefixes = List.of(prefixes);
            return this;
        }

        /** Associates both ways: the subnet names the table and the table lists the subnet. */
        public SubnetBuilder routeTable(RouteTableBuilder table) {
            this.routeTableId = table.id();
            table.associate(id);
            return this;
        }

        /** Associates a network security group (by id; the group itself comes from {@link Scenario#around}). */
        public SubnetBuilder networkSecurityGroup(String resourceGroup, String nsgName) {
            this.nsgId = ArmId.of("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + resourceGroup
                    + "/providers/Microsoft.Network/networkSecurityGroups/" + nsgName);
            return this;
        }

        Subnet build() {
            return new Subnet(id, name, parseAll(prefixes.toArray(String[]::new)), routeTableId, used, nsgId);
        }
    }

    public static final class RouteTableBuilder {
        final String resourceGroup;
        final String name;
        final List<Route> routes = new ArrayList<>();
        final List<ArmId> subnetIds = new ArrayList<>();

        RouteTableBuilder(String resourceGroup, String name) {
            this.resourceGroup = resourceGroup;
            this.name = name;
        }

        public ArmId id() {
            return routeTableId(resourceGroup, name);
        }

        /** A route; {@code addressPrefix} may be a service tag, which is kept unparsed. */
        public RouteTableBuilder route(String routeName, String addressPrefix, String nextHopType, String nextHopIp) {
            IpPrefix prefix;
            try {
                prefix = IpPrefix.parse(addressPrefix);
            } catch (CidrFormatException e) {
                prefix = null;
            }
            routes.add(new Route(routeName, addressPrefix, prefix, nextHopType, nextHopIp));
            return this;
        }

        /** Lists a subnet in the table's associations only (e.g. one outside the input). */
        public RouteTableBuilder associate(ArmId subnet) {
            if (!subnetIds.contains(subnet)) {
                subnetIds.add(subnet);
            }
            return this;
        }

        public RouteTable build() {
            return new RouteTable(id(), name, SUBSCRIPTION, resourceGroup, routes, subnetIds, "\"etag-1\"", SOURCE);
        }
    }

    // ---- options ----

    public static final class OptionsBuilder {
        TargetIpam target = TargetIpam.OVERLAY;
        boolean cilium;
        String podCidr;
        List<String> avoid = new ArrayList<>();
        String assignIdentity;
        boolean removeIpMasqConfig;

        public OptionsBuilder target(TargetIpam target) {
            this.target = target;
            return this;
        }

        public OptionsBuilder cilium() {
            this.cilium = true;
            return this;
        }

        public OptionsBuilder podCidr(String cidr) {
            this.podCidr = cidr;
            return this;
        }

        public OptionsBuilder avoid(String... cidrs) {
            this.avoid.addAll(List.of(cidrs));
            return this;
        }

        public OptionsBuilder assignIdentity(String identityId) {
            this.assignIdentity = identityId;
            return this;
        }

        public OptionsBuilder removeIpMasqConfig() {
            this.removeIpMasqConfig = true;
            return this;
        }

        public MigrationOptions build() {
            return new MigrationOptions(target, cilium, podCidr == null ? null : IpPrefix.parse(podCidr),
                    parseAll(avoid.toArray(String[]::new)), assignIdentity, removeIpMasqConfig);
        }
    }
}
