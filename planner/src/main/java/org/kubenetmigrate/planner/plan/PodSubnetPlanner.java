package org.kubenetmigrate.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.TargetNetwork;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AgentPool;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.NetworkProfile;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.rules.Sources;
import org.kubenetmigrate.planner.sizing.AzureLimits;
import org.kubenetmigrate.planner.sizing.PodSubnetSizing;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * The kubenet → Azure CNI Pod Subnet plan. kubenet has no in-place path to Pod Subnet (https://learn.microsoft.com/azure/aks/update-azure-cni), so this
 * is blue/green: new subnets and a new cluster next to the old one, workloads and traffic moved by people, then
 * the old cluster deleted — the point of no return.
 */
public final class PodSubnetPlanner {
    static final String NEW_CLUSTER_SUFFIX = "-podsubnet";
    static final String POD_SUBNET_DELEGATION = "Microsoft.ContainerService/managedClusters";
    private static final int MAX_CLUSTER_NAME = 63;
    private static final int MAX_DNS_PREFIX = 54;
    private static final String DYNAMIC_ALLOCATION = "https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation";

    /** Subnet names end up in node labels, whose values are at most 63 characters (concepts-network-azure-cni-overlay). */
    private static final int MAX_SUBNET_NAME = 63;

    private PodSubnetPlanner() {
    }

    public static MigrationPlan plan(ClusterAssessment assessment, MigrationOptions options) {
        PodSubnetSizing sizing = assessment.sizing().podSubnet();
        if (sizing == null) {
            throw new IllegalArgumentException("the assessment of " + assessment.cluster().name()
                    + " has no Pod Subnet sizing; assess it with the pod-subnet target");
        }
        ManagedCluster cluster = assessment.cluster();
        Fingerprint fingerprint = Fingerprints.of(cluster);
        ClusterSteps on = new ClusterSteps(cluster);
        Layout layout = Layout.of(assessment, sizing);

        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("prepare", "Prepare", List.of(
                on.precheck(fingerprint, "(for the old cluster)"),
                on.backup(assessment))));
        stages.add(new Stage("provision", "Provision the new cluster", List.of(
                createNodeSubnet(layout, sizing),
                createPodSubnet(layout, sizing),
                createCluster(assessment, options, layout))));
        stages.add(new Stage("move", "Move workloads and traffic", List.of(
                deployWorkloads(layout),
                cutoverTraffic(cluster, layout))));
        stages.add(new Stage("decommission", "Decommission the old cluster", List.of(deleteOldCluster(cluster, layout, on))));
        return new MigrationPlan(assessment, fingerprint, PlanStrategy.BLUE_GREEN_POD_SUBNET, stages,
                notes(assessment, sizing, layout));
    }

    /** Where the new cluster goes: names and, when known, the VNet and subnet ids. */
    record Layout(String clusterName, String nodeSubnetName, String podSubnetName, Optional<ArmId> vnetId,
                  boolean managedVnet, String resourceGroup) {

        static Layout of(ClusterAssessment assessment, PodSubnetSizing sizing) {
            ManagedCluster cluster = assessment.cluster();
            Optional<VirtualNetwork> vnet = targetVnet(assessment, sizing);
            Optional<ArmId> vnetId = vnet.map(VirtualNetwork::id);
            if (vnetId.isEmpty() && !assessment.network().managedVnet()) {
                vnetId = cluster.nodeSubnetIds().stream().findFirst().flatMap(ArmId::parentVirtualNetwork);
            }
            Set<String> taken = vnet.map(v -> v.subnets().stream().map(s -> s.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet())).orElse(Set.of());
            String base = cluster.name();
            return new Layout(truncate(base, MAX_CLUSTER_NAME - NEW_CLUSTER_SUFFIX.length()) + NEW_CLUSTER_SUFFIX,
                    freeName("nodes-" + base, taken), freeName("pods-" + base, taken), vnetId,
                    assessment.network().managedVnet(), cluster.resourceGroup());
        }

        private static Optional<VirtualNetwork> targetVnet(ClusterAssessment assessment, PodSubnetSizing sizing) {
            List<VirtualNetwork> vnets = assessment.network().virtualNetworks();
            if (assessment.network().managedVnet()) {
                return Optional.empty();
            }
            IpPrefix node = sizing.proposedNodeSubnet();
            if (node != null) {
                Optional<VirtualNetwork> holder = vnets.stream()
                        .filter(v -> v.addressSpace().stream().anyMatch(p -> p.contains(node)))
                        .findFirst();
                if (holder.isPresent()) {
                    return holder;
                }
            }
            return vnets.stream().findFirst();
        }

        private static String freeName(String wanted, Set<String> taken) {
            String name = truncate(wanted, MAX_SUBNET_NAME);
            for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
                String suffix = "-" + i;
                name = truncate(wanted, MAX_SUBNET_NAME - suffix.length()) + suffix;
            }
            return name;
        }

        Optional<ArmId> subnetId(String name) {
            return vnetId.map(v -> ArmId.of(v.value() + "/subnets/" + name));
        }

        String clusterPath(String subscriptionId) {
            return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                    + "/providers/Microsoft.ContainerService/managedClusters/" + clusterName;
        }
    }

    static Step createNodeSubnet(Layout layout, PodSubnetSizing sizing) {
        return createSubnet(StepId.CREATE_NODE_SUBNET, "node", layout.nodeSubnetName(), sizing.proposedNodeSubnet(),
                sizing.nodeSubnet().prefixLength(), sizing.nodeSubnet().formula(), false, layout, sizing.noRoomReason(),
                " With outboundType userDefinedRouting it needs a route table with the 0.0.0.0/0 route before the"
                        + " cluster is created (not the kubenet cluster's route table, which AKS writes pod routes"
                        + " into); give it the same NSG as today's node subnet.");
    }

    static Step createPodSubnet(Layout layout, PodSubnetSizing sizing) {
        return createSubnet(StepId.CREATE_POD_SUBNET, "pod", layout.podSubnetName(), sizing.proposedPodSubnet(),
                sizing.dynamicPodSubnet().prefixLength(), sizing.dynamicPodSubnet().formula(), true, layout,
                sizing.noRoomReason(), " Delegated to " + POD_SUBNET_DELEGATION + " for dynamic IP allocation;"
                        + " sized for the worst case (DERIVED; " + DYNAMIC_ALLOCATION + " documents only a minimum of 16 per node).");
    }

    private static Step createSubnet(StepId id, String role, String name, IpPrefix range, int length,
                                     String formula, boolean delegated, Layout layout, String noRoomReason,
                                     String extra) {
        Optional<ArmId> subnetId = layout.subnetId(name);
        Step.Builder step = Step.builder(id, "Create the " + role + " subnet " + name)
                .approval();
        String sizeText = "Needs a /" + length + " (" + formula + ", plus Azure's 5 reserved addresses).";
        if (layout.managedVnet()) {
            return step.manual()
                    .description("No request: the cluster uses the AKS-managed virtual network, which is deleted with"
                            + " the old cluster; create the " + role + " subnet in a virtual network of your own. "
                            + sizeText + extra)
                    .build();
        }
        if (noRoomReason != null || range == null || subnetId.isEmpty()) {
            return step.manual()
                    .description("No request: " + (noRoomReason != null ? noRoomReason : "the virtual network is unknown")
                            + ". " + sizeText + " Add address space to the virtual network (or use another one) and"
                            + " create the subnet by hand; the name " + name + " is a suggestion." + extra)
                    .build();
        }
        ArmId vnet = layout.vnetId().orElseThrow();
        Map<String, Object> properties = Bodies.object("addressPrefix", range.toString());
        if (delegated) {
            properties.put("delegations", List.of(Bodies.object(
                    "name", "aks-delegation",
                    "properties", Bodies.object("serviceName", POD_SUBNET_DELEGATION))));
        }
        AzCommand create = AzCommand.az("network", "vnet", "subnet", "create").arg("-g", vnet.resourceGroup())
                .arg("--vnet-name", vnet.name()).arg("-n", name).arg("--address-prefixes", range.toString());
        return step
                .description("Create subnet " + name + " (" + range + ", a free range of virtual network "
                        + vnet.name() + "; the name is a suggestion) for the new cluster's " + role + "s. " + sizeText
                        + extra + " Fails rather than replace a subnet that already exists.")
                .request(ArmRequest.create(subnetId.get().value(), ApiVersions.NETWORK, Bodies.object("properties", properties)))
                .azCli(delegated ? create.arg("--delegations", POD_SUBNET_DELEGATION) : create)
                .compensation(new Compensation("Delete subnet " + name,
                        ArmRequest.delete(subnetId.get().value(), ApiVersions.NETWORK, null),
                        AzCommand.az("network", "vnet", "subnet", "delete").arg("-g", vnet.resourceGroup())
                                .arg("--vnet-name", vnet.name()).arg("-n", name).render()))
                .build();
    }

    static Step createCluster(ClusterAssessment assessment, MigrationOptions options, Layout layout) {
        ManagedCluster cluster = assessment.cluster();
        TargetNetwork target = assessment.target();
        String path = layout.clusterPath(cluster.subscriptionId());
        Step.Builder step = Step.builder(StepId.CREATE_CLUSTER, "Create the new cluster " + layout.clusterName())
                .approval();
        String common = " Same Kubernetes version (" + cluster.kubernetesVersion() + ") and pools (" + cluster.agentPools()
                .stream().map(AgentPool::name).collect(Collectors.joining(", ")) + "), networkPlugin azure without a"
                + " plugin mode, policy " + target.networkPolicy() + ", data plane " + target.dataplane() + ", the same"
                + " service CIDR and outbound type. The name " + layout.clusterName() + " is a suggestion. The control"
                + " plane identity needs Network Contributor on both subnets. Needs VM quota for every node while the"
                + " old cluster still runs, and room in the managed-cluster quota (ManagedClusterCountExceedsQuotaLimit,"
                + " https://learn.microsoft.com/azure/aks/quotas-skus-regions).";
        Optional<ArmId> nodeSubnet = layout.subnetId(layout.nodeSubnetName());
        Optional<ArmId> podSubnet = layout.subnetId(layout.podSubnetName());
        if (nodeSubnet.isEmpty() || podSubnet.isEmpty()) {
            return step.manual()
                    .description("No request: the subnet ids are not known until the subnets exist in a virtual network"
                            + " of your own." + common)
                    .build();
        }
        Map<String, Object> resource = Bodies.object(
                "location", cluster.location(),
                "identity", identity(cluster, options),
                "properties", clusterProperties(cluster, target, layout, nodeSubnet.get(), podSubnet.get()));
        return step
                .description("Create managed cluster " + layout.clusterName() + " in " + cluster.resourceGroup()
                        + " with Azure CNI Pod Subnet (dynamic IP allocation): every pool gets vnetSubnetID "
                        + layout.nodeSubnetName() + " and podSubnetID " + layout.podSubnetName() + "." + common
                        + " Fails rather than replace a cluster that already exists.")
                .request(ArmRequest.create(path, ApiVersions.AKS, resource))
                .azCli(azCreate(cluster, options, target, layout, nodeSubnet.get(), podSubnet.get()))
                .compensation(new Compensation("Delete the new cluster " + layout.clusterName(),
                        ArmRequest.delete(path, ApiVersions.AKS, null),
                        AzCommand.az("aks", "delete").arg("-g", cluster.resourceGroup())
                                .arg("-n", layout.clusterName()).flag("--yes").render()))
                .build();
    }

    private static Map<String, Object> identity(ManagedCluster cluster, MigrationOptions options) {
        List<String> ids = options.assignIdentity() != null ? List.of(options.assignIdentity())
                : cluster.identity().isUserAssigned() ? cluster.identity().userAssignedIdentityIds() : List.of();
        if (ids.isEmpty()) {
            return Bodies.object("type", "SystemAssigned");
        }
        Map<String, Object> assigned = Bodies.object();
        ids.forEach(id -> assigned.put(id, Bodies.object()));
        return Bodies.object("type", "UserAssigned", "userAssignedIdentities", assigned);
    }

    private static Map<String, Object> clusterProperties(ManagedCluster cluster, TargetNetwork target, Layout layout,
                                                         ArmId nodeSubnet, ArmId podSubnet) {
        NetworkProfile old = cluster.network();
        List<Object> pools = new ArrayList<>();
        for (AgentPool pool : cluster.agentPools()) {
            pools.add(Bodies.object(
                    "name", pool.name(),
                    "mode", Bodies.omitIfNull(pool.mode()),
                    "type", "VirtualMachineScaleSets",
                    "vmSize", pool.vmSize(),
                    "osType", Bodies.omitIfNull(pool.osType()),
                    "orchestratorVersion", Bodies.omitIfNull(pool.orchestratorVersion()),
                    "count", pool.count(),
                    "enableAutoScaling", pool.autoscaling(),
                    "minCount", pool.autoscaling() ? Bodies.omitIfNull(pool.minCount()) : Bodies.OMIT,
                    "maxCount", pool.autoscaling() ? Bodies.omitIfNull(pool.maxCount()) : Bodies.OMIT,
                    "maxPods", maxPods(pool),
                    "upgradeSettings", pool.maxSurge() == null ? Bodies.OMIT : Bodies.object("maxSurge", pool.maxSurge()),
                    "vnetSubnetID", nodeSubnet.value(),
                    "podSubnetID", podSubnet.value()));
        }
        Map<String, Object> network = Bodies.object(
                "networkPlugin", "azure",
                "networkPolicy", target.networkPolicy().text(),
                "networkDataplane", target.dataplane().text(),
                "serviceCidr", old.serviceCidr() == null ? Bodies.OMIT : old.serviceCidr().toString(),
                "dnsServiceIP", Bodies.omitIfNull(old.dnsServiceIp()),
                "outboundType", Bodies.omitIfNull(old.outboundType()));
        return Bodies.object(
                "kubernetesVersion", cluster.kubernetesVersion(),
                "dnsPrefix", dnsPrefix(layout.clusterName()),
                "agentPoolProfiles", pools,
                "networkProfile", network,
                "apiServerAccessProfile", cluster.privateCluster()
                        ? Bodies.object("enablePrivateCluster", true) : Bodies.OMIT);
    }

    /** Set explicitly: the documented Pod Subnet default is 110 (concepts-network-ip-address-planning) or 250 (configure-azure-cni-dynamic-ip-allocation), so never rely on it. */
    private static int maxPods(AgentPool pool) {
        return pool.maxPods() == null ? AzureLimits.KUBENET_DEFAULT_MAX_PODS : pool.maxPods();
    }

    private static String azCreate(ManagedCluster cluster, MigrationOptions options, TargetNetwork target,
                                   Layout layout, ArmId nodeSubnet, ArmId podSubnet) {
        List<AgentPool> pools = cluster.agentPools();
        AgentPool first = pools.stream().filter(p -> "System".equalsIgnoreCase(p.mode())).findFirst()
                .orElse(pools.isEmpty() ? null : pools.get(0));
        AzCommand create = AzCommand.az("aks", "create").arg("-g", cluster.resourceGroup())
                .arg("-n", layout.clusterName())
                .arg("--location", cluster.location())
                .arg("--kubernetes-version", cluster.kubernetesVersion())
                .arg("--network-plugin", "azure")
                .arg("--network-policy", target.networkPolicy().text());
        if (target.cilium()) {
            create = create.arg("--network-dataplane", "cilium");
        }
        NetworkProfile old = cluster.network();
        if (old.serviceCidr() != null) {
            create = create.arg("--service-cidr", old.serviceCidr().toString());
        }
        if (old.dnsServiceIp() != null) {
            create = create.arg("--dns-service-ip", old.dnsServiceIp());
        }
        if (old.outboundType() != null) {
            create = create.arg("--outbound-type", old.outboundType());
        }
        String identity = options.assignIdentity() != null ? options.assignIdentity()
                : cluster.identity().isUserAssigned() && !cluster.identity().userAssignedIdentityIds().isEmpty()
                ? cluster.identity().userAssignedIdentityIds().get(0) : null;
        if (identity != null) {
            create = create.flag("--enable-managed-identity").arg("--assign-identity", identity);
        }
        if (cluster.privateCluster()) {
            create = create.flag("--enable-private-cluster");
        }
        create = create.arg("--vnet-subnet-id", nodeSubnet.value()).arg("--pod-subnet-id", podSubnet.value());
        if (first != null) {
            create = poolFlags(create.arg("--nodepool-name", first.name()), first);
        }
        List<String> commands = new ArrayList<>();
        commands.add(create.render());
        for (AgentPool pool : pools) {
            if (pool == first) {
                continue;
            }
            AzCommand add = AzCommand.az("aks", "nodepool", "add").arg("-g", cluster.resourceGroup())
                    .arg("--cluster-name", layout.clusterName()).arg("-n", pool.name());
            if (pool.mode() != null) {
                add = add.arg("--mode", pool.mode());
            }
            if (pool.osType() != null) {
                add = add.arg("--os-type", pool.osType());
            }
            commands.add(poolFlags(add, pool).arg("--vnet-subnet-id", nodeSubnet.value())
                    .arg("--pod-subnet-id", podSubnet.value()).render());
        }
        return String.join(" && ", commands);
    }

    private static AzCommand poolFlags(AzCommand command, AgentPool pool) {
        AzCommand flags = command.arg("--node-vm-size", pool.vmSize())
                .arg("--node-count", String.valueOf(pool.count()))
                .arg("--max-pods", String.valueOf(maxPods(pool)));
        if (pool.autoscaling() && pool.minCount() != null && pool.maxCount() != null) {
            flags = flags.flag("--enable-cluster-autoscaler").arg("--min-count", String.valueOf(pool.minCount()))
                    .arg("--max-count", String.valueOf(pool.maxCount()));
        }
        if (pool.maxSurge() != null) {
            flags = flags.arg("--max-surge", pool.maxSurge());
        }
        return flags;
    }

    static Step deployWorkloads(Layout layout) {
        return Step.builder(StepId.DEPLOY_WORKLOADS, "Deploy the workloads to " + layout.clusterName())
                .description("By hand or by your pipelines/GitOps: deploy every workload to the new cluster, restore"
                        + " persistent data (volumes do not move with the cluster: back up and restore them), move"
                        + " secrets, workload identity federated credentials (they name the cluster's OIDC issuer),"
                        + " ingress and certificates, then test the new cluster without production traffic."
                        + " Undo: nothing to undo on the old cluster; deleting the new cluster (create-cluster's"
                        + " compensation) removes it all.")
                .manual()
                .approval()
                .build();
    }

    static Step cutoverTraffic(ManagedCluster cluster, Layout layout) {
        return Step.builder(StepId.CUTOVER_TRAFFIC, "Switch traffic to " + layout.clusterName())
                .description("By hand: move traffic (DNS, Traffic Manager, Front Door, Application Gateway backends,"
                        + " firewall rules naming the old egress IPs) from " + cluster.name() + " to "
                        + layout.clusterName() + ", and watch it. The new cluster's egress IPs differ unless the same"
                        + " NAT gateway or firewall carries both.")
                .manual()
                .approval()
                .compensation(new Compensation("Switch traffic back to " + cluster.name() + ", which still runs"
                        + " unchanged", null, null))
                .build();
    }

    static Step deleteOldCluster(ManagedCluster cluster, Layout layout, ClusterSteps on) {
        return Step.builder(StepId.DELETE_OLD_CLUSTER, "Delete the old cluster " + cluster.name())
                .description("Deletes " + cluster.name() + " and its node resource group "
                        + (cluster.nodeResourceGroup() == null ? "" : cluster.nodeResourceGroup() + " ")
                        + "with everything AKS created in it: node VMs, disks of dynamically provisioned volumes,"
                        + " AKS-managed public IPs" + (layout.managedVnet() ? ", the AKS-managed virtual network" : "")
                        + ". There is no undo: do it only"
                        + " after the new cluster has carried production traffic long enough to trust it.")
                .pointOfNoReturn()
                .approval()
                .manual()
                .request(ArmRequest.delete(on.path(), ApiVersions.AKS, ArmRequest.ETAG_OF_READ))
                .azCli(on.aks("delete"))
                .build();
    }

    static List<String> notes(ClusterAssessment assessment, PodSubnetSizing sizing, Layout layout) {
        List<String> notes = new ArrayList<>();
        notes.add("Blue/green: kubenet has no in-place path to Azure CNI Pod Subnet (" + Sources.UPDATE_AZURE_CNI + "), so this plan builds a new"
                + " cluster next to the old one, moves workloads and traffic, then deletes the old cluster.");
        notes.add("Point of no return: delete-old-cluster. Until then the old cluster runs unchanged and traffic can"
                + " be switched back.");
        notes.add("Sizes for " + sizing.nodes() + " nodes (max + surge) at maxPods " + sizing.maxPods() + ": node"
                + " subnet /" + sizing.nodeSubnet().prefixLength() + " (" + sizing.nodeSubnet().formula() + "), pod"
                + " subnet /" + sizing.dynamicPodSubnet().prefixLength() + " for dynamic IP allocation ("
                + sizing.dynamicPodSubnet().formula() + ", worst case)"
                + (sizing.proposedNodeSubnet() != null && sizing.proposedPodSubnet() != null
                ? "; proposed ranges " + sizing.proposedNodeSubnet() + " and " + sizing.proposedPodSubnet() : "") + ".");
        notes.add("Static block allocation alternative: a pod subnet of /" + sizing.staticBlockPodSubnet().prefixLength()
                + " (" + sizing.staticBlockPodSubnet().formula() + "); new clusters only, Kubernetes 1.28 or later, one"
                + " allocation mode per subnet (" + Sources.STATIC_BLOCK_ALLOCATION + "). This plan uses dynamic allocation"
                + (sizing.staticBlockRecommended() ? ", but at " + sizing.pods() + " pods (" + sizing.nodes() + " nodes × "
                + sizing.maxPods() + ") the cluster is beyond the about 65k pods dynamic allocation is limited to: use"
                + " static block allocation (pod subnet /" + sizing.staticBlockPodSubnet().prefixLength() + ", at most /12)"
                : "") + ".");
        notes.add("Proposed subnets avoid the VNet's subnets, the service CIDR the new cluster reuses (AKS refuses a"
                + " create whose service CIDR overlaps a subnet: " + Sources.SERVICE_CIDR_OVERLAP_ISSUE + "), the old"
                + " cluster's pod CIDR (still routed until it is deleted) and the ranges AKS reserves.");
        if (layout.managedVnet()) {
            notes.add("The cluster uses the AKS-managed virtual network, which is deleted with the old cluster: create"
                    + " a virtual network of your own for the new one (with node /" + sizing.nodeSubnet().prefixLength()
                    + " and pod /" + sizing.dynamicPodSubnet().prefixLength() + " subnets) and re-plan.");
        } else if (sizing.noRoomReason() != null) {
            notes.add("The virtual network has no room: " + sizing.noRoomReason() + ". Needed: node /"
                    + sizing.nodeSubnet().prefixLength() + ", pod /" + sizing.dynamicPodSubnet().prefixLength()
                    + ". Add address space to the virtual network (or use another one) and create the subnets by"
                    + " hand; the subnet steps carry no request.");
        }
        notes.add("Names are suggestions: cluster " + layout.clusterName() + ", subnets " + layout.nodeSubnetName()
                + " and " + layout.podSubnetName() + ".");
        notes.add("iac-drift: create the new cluster and subnets from your Terraform/Bicep rather than by hand where"
                + " you can, and remove the old cluster from it after delete-old-cluster.");
        return notes;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** 1–54 letters, digits and hyphens, starting and ending with a letter or digit. */
    static String dnsPrefix(String clusterName) {
        String cleaned = clusterName.replaceAll("[^A-Za-z0-9-]", "-");
        cleaned = truncate(cleaned, MAX_DNS_PREFIX).replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "aks" : cleaned;
    }
}
