package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.plan.PlanFixtures.assess;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.fleet;
import static org.kubenetmigrate.planner.plan.PlanFixtures.options;
import static org.kubenetmigrate.planner.plan.PlanFixtures.vnetId;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.sizing.PodSubnetSizing;

class PodSubnetPlannerTest {
    private static final MigrationOptions POD_SUBNET = options(TargetIpam.POD_SUBNET, false, null, null);

    private static MigrationPlan plan(ManagedCluster cluster, String addressSpace, String nodeSubnet) {
        return Planner.plan(assess(cluster, fleet(cluster, addressSpace, nodeSubnet, false), POD_SUBNET), POD_SUBNET);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void blueGreenStagesAndSteps() {
        MigrationPlan plan = plan(cluster().build(), "10.1.0.0/16", "10.1.0.0/22");

        assertThat(plan.strategy()).isEqualTo(PlanStrategy.BLUE_GREEN_POD_SUBNET);
        assertThat(plan.stages()).extracting(Stage::id).containsExactly("prepare", "provision", "move", "decommission");
        assertThat(plan.stepIds()).containsExactly("precheck", "backup", "create-node-subnet", "create-pod-subnet",
                "create-cluster", "deploy-workloads", "cutover-traffic", "delete-old-cluster");
        assertThat(plan.steps()).filteredOn(Step::pointOfNoReturn).extracting(Step::id)
                .containsExactly("delete-old-cluster");
        List<Step> steps = plan.steps();
        assertThat(steps.subList(0, steps.size() - 1)).allMatch(Step::reversible);
        assertThat(steps).filteredOn(Step::mutating).allMatch(Step::requiresApproval);
    }

    @Test
    void subnetsUseTheProposedRangesAndThePodSubnetIsDelegated() {
        MigrationPlan plan = plan(cluster().build(), "10.1.0.0/16", "10.1.0.0/22");
        PodSubnetSizing sizing = plan.assessment().sizing().podSubnet();
        assertThat(sizing.noRoomReason()).isNull();

        Step node = plan.step("create-node-subnet").orElseThrow();
        assertThat(node.request().method()).isEqualTo("PUT");
        assertThat(node.request().path()).isEqualTo(vnetId("vnet-prod") + "/subnets/nodes-aks-prod");
        assertThat(node.request().apiVersion()).isEqualTo(ApiVersions.NETWORK).isEqualTo("2025-03-01");
        assertThat(node.request().bodyMode()).isEqualTo(ArmRequest.FULL);
        assertThat(node.request().body())
                .isEqualTo(Map.of("properties", Map.of("addressPrefix", sizing.proposedNodeSubnet().toString())));
        assertThat(node.compensation().request().method()).isEqualTo("DELETE");
        assertThat(node.compensation().request().path()).isEqualTo(node.request().path());
        assertThat(node.azCli()).contains("az network vnet subnet create -g rg-net --vnet-name vnet-prod -n nodes-aks-prod"
                + " --address-prefixes " + sizing.proposedNodeSubnet());

        Step pod = plan.step("create-pod-subnet").orElseThrow();
        assertThat(map(pod.request().body().get("properties")))
                .containsEntry("addressPrefix", sizing.proposedPodSubnet().toString())
                .containsEntry("delegations", List.of(Map.of("name", "aks-delegation",
                        "properties", Map.of("serviceName", "Microsoft.ContainerService/managedClusters"))));
        assertThat(pod.compensation().request().method()).isEqualTo("DELETE");
    }

    @Test
    void theNewClusterCarriesBothSubnetsOnEveryPoolAndNoPluginMode() {
        ManagedCluster old = cluster().build();
        MigrationPlan plan = plan(old, "10.1.0.0/16", "10.1.0.0/22");

        Step create = plan.step("create-cluster").orElseThrow();
        assertThat(create.request().path()).endsWith("/managedClusters/aks-prod-podsubnet");
        assertThat(create.request().headers()).containsEntry("If-None-Match", "*");
        assertThat(create.description()).contains("suggestion");
        Map<String, Object> properties = map(create.request().body().get("properties"));
        assertThat(properties).containsEntry("kubernetesVersion", "1.31.2");
        assertThat(map(properties.get("networkProfile")))
                .containsEntry("networkPlugin", "azure")
                .doesNotContainKey("networkPluginMode")
                .containsEntry("networkPolicy", "none")
                .containsEntry("serviceCidr", "10.0.0.0/16");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pools = (List<Map<String, Object>>) properties.get("agentPoolProfiles");
        assertThat(pools).extracting(p -> p.get("name")).containsExactly("system", "user");
        assertThat(pools).allSatisfy(p -> {
            assertThat(p.get("vnetSubnetID")).isEqualTo(vnetId("vnet-prod") + "/subnets/nodes-aks-prod");
            assertThat(p.get("podSubnetID")).isEqualTo(vnetId("vnet-prod") + "/subnets/pods-aks-prod");
            assertThat(p.get("maxPods")).isEqualTo(110);
        });
        assertThat(create.compensation().request().method()).isEqualTo("DELETE");
        assertThat(create.compensation().request().path()).isEqualTo(create.request().path());
        assertThat(create.azCli()).startsWith("az aks create -g rg-prod -n aks-prod-podsubnet")
                .contains("--pod-subnet-id").contains("az aks nodepool add");

        Step delete = plan.step("delete-old-cluster").orElseThrow();
        assertThat(delete.request().method()).isEqualTo("DELETE");
        assertThat(delete.request().path()).isEqualTo(old.id().value());
        assertThat(delete.manual()).isTrue();
        assertThat(delete.requiresApproval()).isTrue();
        assertThat(delete.reversible()).isFalse();

        assertThat(plan.step("cutover-traffic").orElseThrow().compensation().description()).contains("back");
        assertThat(plan.step("deploy-workloads").orElseThrow().manual()).isTrue();
    }

    @Test
    void ciliumTargetGivesTheNewClusterTheCiliumDataPlane() {
        MigrationOptions options = options(TargetIpam.POD_SUBNET, true, null, null);
        ManagedCluster old = cluster().policy("calico").build();
        MigrationPlan plan = Planner.plan(assess(old, options), options);

        Map<String, Object> network = map(map(plan.step("create-cluster").orElseThrow().request().body()
                .get("properties")).get("networkProfile"));
        assertThat(network).containsEntry("networkPolicy", "cilium").containsEntry("networkDataplane", "cilium");
    }

    @Test
    void notesGiveTheSizesAndTheStaticBlockAlternative() {
        MigrationPlan plan = plan(cluster().build(), "10.1.0.0/16", "10.1.0.0/22");
        PodSubnetSizing sizing = plan.assessment().sizing().podSubnet();

        assertThat(plan.notes()).anyMatch(n -> n.startsWith("Static block allocation alternative: a pod subnet of /"
                + sizing.staticBlockPodSubnet().prefixLength()));
        assertThat(plan.notes()).anyMatch(n -> n.contains("no in-place path"));
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("Point of no return: delete-old-cluster"));
    }

    @Test
    void withNoRoomTheSubnetStepsCarryNoRequestAndANoteGivesTheSizesNeeded() {
        MigrationPlan plan = plan(cluster().build(), "10.1.0.0/22", "10.1.0.0/22");
        PodSubnetSizing sizing = plan.assessment().sizing().podSubnet();
        assertThat(sizing.noRoomReason()).isNotNull();

        for (String id : List.of("create-node-subnet", "create-pod-subnet")) {
            Step step = plan.step(id).orElseThrow();
            assertThat(step.request()).as(id).isNull();
            assertThat(step.manual()).as(id).isTrue();
            assertThat(step.description()).as(id).contains("No request");
        }
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("The virtual network has no room")
                && n.contains("node /" + sizing.nodeSubnet().prefixLength())
                && n.contains("pod /" + sizing.dynamicPodSubnet().prefixLength()));
    }

    @Test
    void subnetNamesAvoidExistingOnes() {
        ManagedCluster old = cluster().build();
        Fleet base = fleet(old, "10.1.0.0/16", "10.1.0.0/22", false);
        VirtualNetwork v = base.virtualNetworks().get(0);
        Subnet taken = new Subnet(ArmId.of(vnetId("vnet-prod") + "/subnets/nodes-aks-prod"), "nodes-aks-prod",
                List.of(IpPrefix.parse("10.1.4.0/24")), null, 0);
        VirtualNetwork withTaken = new VirtualNetwork(v.id(), v.name(), v.subscriptionId(), v.resourceGroup(),
                v.location(), v.addressSpace(), List.of(v.subnets().get(0), taken), v.peerings(), v.etag(), v.source());
        Fleet fleet = new Fleet(base.clusters(), List.of(withTaken), base.routeTables());

        MigrationPlan plan = Planner.plan(assess(old, fleet, POD_SUBNET), POD_SUBNET);

        assertThat(plan.step("create-node-subnet").orElseThrow().request().path()).endsWith("/subnets/nodes-aks-prod-2");
        assertThat(plan.step("create-pod-subnet").orElseThrow().request().path()).endsWith("/subnets/pods-aks-prod");
    }

    @Test
    void onTheManagedVnetNothingIsCreatedInTheVnetThatDiesWithTheOldCluster() {
        ManagedCluster old = cluster().managedVnet().build();
        MigrationPlan plan = Planner.plan(assess(old, PlanFixtures.managedFleet(old), POD_SUBNET), POD_SUBNET);

        for (String id : List.of("create-node-subnet", "create-pod-subnet", "create-cluster")) {
            Step step = plan.step(id).orElseThrow();
            assertThat(step.request()).as(id).isNull();
            assertThat(step.manual()).as(id).isTrue();
        }
        assertThat(plan.notes()).anyMatch(n -> n.contains("AKS-managed virtual network") && n.contains("re-plan"));
        assertThat(plan.step("delete-old-cluster").orElseThrow().description())
                .contains("the AKS-managed virtual network");
    }
}
