package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.plan.PlanFixtures.UAMI;
import static org.kubenetmigrate.planner.plan.PlanFixtures.cluster;
import static org.kubenetmigrate.planner.plan.PlanFixtures.options;
import static org.kubenetmigrate.planner.plan.PlanFixtures.overlay;
import static org.kubenetmigrate.planner.plan.PlanFixtures.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.sizing.PodCidrSizing;

class OverlayPlannerTest {

    private static Map<String, Object> networkProfile(Step step) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) step.request().body().get("properties");
        @SuppressWarnings("unchecked")
        Map<String, Object> network = (Map<String, Object>) properties.get("networkProfile");
        return network;
    }

    private static Step step(MigrationPlan plan, String id) {
        return plan.step(id).orElseThrow(() -> new AssertionError("no step " + id + " in " + plan.stepIds()));
    }

    @Nested
    class StepOrder {

        @Test
        void plainKubenetClusterGoesStraightToTheUpdate() {
            MigrationPlan plan = plan(cluster().build(), overlay());

            assertThat(plan.strategy()).isEqualTo(PlanStrategy.IN_PLACE_OVERLAY);
            assertThat(plan.stages()).extracting(Stage::id).containsExactly("prepare", "migrate", "rollout", "validate");
            assertThat(plan.stepIds()).containsExactly(
                    "precheck", "backup", "update-network-plugin", "observe-rollout", "validate");
        }

        @Test
        void calicoIsDisabledBeforeTheUpdateAndRestoredAfterTheRollout() {
            MigrationPlan plan = plan(cluster().policy("calico").build(), overlay());

            assertThat(plan.stages()).extracting(Stage::id)
                    .containsExactly("prepare", "migrate", "rollout", "network-policy", "validate");
            assertThat(plan.stepIds()).containsExactly("precheck", "backup", "disable-network-policy",
                    "update-network-plugin", "observe-rollout", "restore-network-policy", "validate");

            Step disable = step(plan, "disable-network-policy");
            assertThat(networkProfile(disable)).containsExactly(Map.entry("networkPolicy", "none"));
            assertThat(disable.requiresApproval()).isTrue();
            assertThat(disable.reversible()).isTrue();
            assertThat(disable.description()).contains("not enforced").contains("restore-network-policy");
            assertThat(disable.azCli()).isEqualTo("az aks update -g rg-prod -n aks-prod --network-policy none");
            assertThat(disable.compensation().request().body())
                    .isEqualTo(Map.of("properties", Map.of("networkProfile", Map.of("networkPolicy", "calico"))));
            assertThat(disable.compensation().azCli()).endsWith("--network-policy calico");

            Step restore = step(plan, "restore-network-policy");
            assertThat(networkProfile(restore)).containsExactly(Map.entry("networkPolicy", "calico"));
            assertThat(restore.requiresApproval()).isFalse();
            assertThat(restore.azCli()).endsWith("--network-policy calico");
            assertThat(restore.description()).contains("https://github.com/Azure/AKS/issues/3845", "REIMAGES EVERY NODE");
        }

        @Test
        void azureNpmRestoreMentionsItsRetirement() {
            MigrationPlan plan = plan(cluster().policy("azure").build(), overlay());

            assertThat(step(plan, "restore-network-policy").description()).contains("2028-09-30");
        }

        @Test
        void calicoWithCiliumMovesToTheCiliumDataPlaneInsteadOfRestoring() {
            MigrationPlan plan = plan(cluster().policy("calico").build(),
                    options(TargetIpam.OVERLAY, true, null, null));

            assertThat(plan.stages()).extracting(Stage::id)
                    .containsExactly("prepare", "migrate", "rollout", "dataplane", "validate");
            assertThat(plan.stepIds()).containsExactly("precheck", "backup", "disable-network-policy",
                    "update-network-plugin", "observe-rollout", "enable-cilium", "validate");
            Step cilium = step(plan, "enable-cilium");
            assertThat(networkProfile(cilium)).containsExactly(
                    Map.entry("networkDataplane", "cilium"), Map.entry("networkPolicy", "cilium"));
            assertThat(cilium.reversible()).isFalse();
            assertThat(cilium.compensation()).isNull();
            assertThat(cilium.requiresApproval()).isTrue();
            assertThat(cilium.pointOfNoReturn()).isFalse();
            assertThat(cilium.description()).contains("UNCONFIRMED whether it can be reverted; treat as one-way");
            assertThat(cilium.azCli()).endsWith("--network-dataplane cilium --network-policy cilium");
            assertThat(step(plan, "disable-network-policy").description()).contains("Cilium");
        }

        @Test
        void ciliumWithoutAPreviousEngineWarnsThatPoliciesStartBeingEnforced() {
            MigrationPlan plan = plan(cluster().build(), options(TargetIpam.OVERLAY, true, null, null));

            assertThat(plan.stepIds()).doesNotContain("disable-network-policy", "restore-network-policy")
                    .contains("enable-cilium");
            assertThat(step(plan, "enable-cilium").description()).contains("were not enforced");
        }

        @Test
        void assignIdentityComesBeforeTheUpdateForASystemAssignedCluster() {
            ManagedCluster cluster = cluster().identity("SystemAssigned", List.of()).policy("calico").build();
            MigrationOptions options = options(TargetIpam.OVERLAY, false, null, UAMI);

            MigrationPlan plan = plan(cluster, options);

            assertThat(plan.stepIds()).containsSubsequence("backup", "assign-identity", "disable-network-policy",
                    "update-network-plugin");
            Step assign = step(plan, "assign-identity");
            assertThat(assign.request().body()).isEqualTo(Map.of("identity",
                    Map.of("type", "UserAssigned", "userAssignedIdentities", Map.of(UAMI, Map.of()))));
            assertThat(assign.reversible()).isTrue();
            assertThat(assign.requiresApproval()).isTrue();
            assertThat(assign.azCli()).isEqualTo("az aks update -g rg-prod -n aks-prod --enable-managed-identity"
                    + " --assign-identity " + UAMI);
            assertThat(assign.compensation().request().body()).containsKey("identity");
            @SuppressWarnings("unchecked")
            Map<String, Object> undo = (Map<String, Object>) assign.compensation().request().body().get("identity");
            assertThat(undo).containsEntry("type", "SystemAssigned").containsEntry("userAssignedIdentities", null);
        }

        @Test
        void assignIdentityIsSkippedWhenTheClusterAlreadyHasAUserAssignedIdentity() {
            MigrationPlan plan = plan(cluster().build(), options(TargetIpam.OVERLAY, false, null, UAMI));

            assertThat(plan.stepIds()).doesNotContain("assign-identity");
        }

        @Test
        void withoutAUserAssignedIdentityOrTheOptionANoteSaysHowToGetOne() {
            MigrationPlan plan = plan(cluster().identity("SystemAssigned", List.of()).build(), overlay());

            assertThat(plan.stepIds()).doesNotContain("assign-identity");
            assertThat(plan.notes()).anyMatch(n -> n.startsWith("identity:") && n.contains("--assign-identity"));
        }

        @Test
        void aServicePrincipalClusterCannotBeToldItCanGoBack() {
            MigrationPlan plan = plan(cluster().identity(null, List.of()).build(),
                    options(TargetIpam.OVERLAY, false, null, UAMI));

            Step assign = step(plan, "assign-identity");
            assertThat(assign.reversible()).isFalse();
            assertThat(assign.compensation()).isNull();
            assertThat(assign.description()).contains("one-way");
        }
    }

    @Nested
    class PodCidr {

        @Test
        void aKeptPodCidrIsNotSent() {
            MigrationPlan plan = plan(cluster().build(), overlay());

            Step update = step(plan, "update-network-plugin");
            assertThat(plan.assessment().sizing().podCidr().choice()).isEqualTo(PodCidrSizing.Choice.KEEP_CURRENT);
            assertThat(networkProfile(update)).containsOnlyKeys("networkPlugin", "networkPluginMode");
            assertThat(update.azCli()).doesNotContain("--pod-cidr");
            assertThat(plan.notes()).anyMatch(n -> n.startsWith("pod CIDR: keep 10.244.0.0/16"));
        }

        @Test
        void aRequestedPodCidrIsSent() {
            MigrationPlan plan = plan(cluster().build(), options(TargetIpam.OVERLAY, false, "100.64.0.0/16", null));

            Step update = step(plan, "update-network-plugin");
            assertThat(networkProfile(update)).containsEntry("podCidr", "100.64.0.0/16");
            assertThat(update.azCli()).endsWith(" --pod-cidr 100.64.0.0/16");
            assertThat(plan.notes()).anyMatch(n -> n.contains("100.64.0.0/16") && n.contains("--pod-cidr"));
        }

        @Test
        void aPodCidrOverlappingAReservedRangeIsReplacedByTheProposal() {
            MigrationPlan plan = plan(cluster().podCidr("172.16.0.0/12").build(), overlay());

            PodCidrSizing sizing = plan.assessment().sizing().podCidr();
            assertThat(sizing.choice()).isEqualTo(PodCidrSizing.Choice.PROPOSED);
            Step update = step(plan, "update-network-plugin");
            assertThat(networkProfile(update)).containsEntry("podCidr", sizing.proposed().toString());
            assertThat(sizing.proposed().toString()).isNotEqualTo("172.16.0.0/12");
            assertThat(plan.notes()).anyMatch(n -> n.startsWith("pod CIDR: proposing") && n.contains("172.16.0.0/12"));
            assertThat(step(plan, "validate").description()).contains("podCidr " + sizing.proposed());
        }
    }

    static Stream<Arguments> overlayVariants() {
        return Stream.of(
                Arguments.of("plain", cluster().build(), overlay()),
                Arguments.of("calico", cluster().policy("calico").build(), overlay()),
                Arguments.of("calico+cilium", cluster().policy("calico").build(),
                        options(TargetIpam.OVERLAY, true, null, null)),
                Arguments.of("identity", cluster().identity("SystemAssigned", List.of()).policy("azure").build(),
                        options(TargetIpam.OVERLAY, false, null, UAMI)),
                Arguments.of("pod-cidr", cluster().build(), options(TargetIpam.OVERLAY, true, "100.64.0.0/16", null)),
                Arguments.of("blocked", cluster().kubernetesVersion("1.26.3").policy("calico").build(), overlay()));
    }

    @Nested
    class Invariants {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.kubenetmigrate.planner.plan.OverlayPlannerTest#overlayVariants")
        void exactlyOnePointOfNoReturnAndItIsTheUpdate(String name, ManagedCluster cluster, MigrationOptions options) {
            MigrationPlan plan = plan(cluster, options);

            assertThat(plan.steps()).filteredOn(Step::pointOfNoReturn).extracting(Step::id)
                    .containsExactly("update-network-plugin");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.kubenetmigrate.planner.plan.OverlayPlannerTest#overlayVariants")
        void everyStepBeforeThePointOfNoReturnIsReversibleAndEveryChangeUpToItIsGated(
                String name, ManagedCluster cluster, MigrationOptions options) {
            MigrationPlan plan = plan(cluster, options);
            List<Step> steps = plan.steps();
            int ponr = steps.indexOf(plan.pointOfNoReturn().orElseThrow());

            assertThat(steps.subList(0, ponr)).allMatch(Step::reversible, "reversible");
            assertThat(steps.subList(0, ponr + 1)).filteredOn(Step::mutating)
                    .allMatch(Step::requiresApproval, "requires approval");
            assertThat(steps.get(ponr).requiresApproval()).isTrue();
            assertThat(steps.get(ponr).compensation()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.kubenetmigrate.planner.plan.OverlayPlannerTest#overlayVariants")
        void everyChangeHasAnApprovalAtOrBeforeIt(String name, ManagedCluster cluster, MigrationOptions options) {
            List<Step> steps = plan(cluster, options).steps();

            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).mutating()) {
                    assertThat(steps.subList(0, i + 1)).as("gate before %s", steps.get(i).id())
                            .anyMatch(Step::requiresApproval);
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.kubenetmigrate.planner.plan.OverlayPlannerTest#overlayVariants")
        void readOnlyStepsOnlyRead(String name, ManagedCluster cluster, MigrationOptions options) {
            MigrationPlan plan = plan(cluster, options);

            for (String id : List.of("precheck", "backup", "observe-rollout", "validate")) {
                ArmRequest request = step(plan, id).request();
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.body()).isNull();
                assertThat(request.bodyMode()).isEqualTo(ArmRequest.NONE);
            }
        }
    }

    @Nested
    class Requests {

        @Test
        void theUpdateIsAMergedPutOfOnlyTheChangedFieldsWithTheEtagOfTheExecutorsRead() {
            ManagedCluster cluster = cluster().build();
            Step update = step(plan(cluster, overlay()), "update-network-plugin");

            ArmRequest request = update.request();
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.path()).isEqualTo(cluster.id().value());
            assertThat(request.apiVersion()).isEqualTo("2025-09-01").isEqualTo(ApiVersions.AKS);
            assertThat(request.target()).isEqualTo(cluster.id().value() + "?api-version=2025-09-01");
            assertThat(request.bodyMode()).isEqualTo(ArmRequest.MERGE_INTO_CURRENT);
            assertThat(request.headers()).containsExactly(Map.entry("If-Match", ArmRequest.ETAG_OF_READ));
            assertThat(request.body()).isEqualTo(Map.of("properties", Map.of("networkProfile",
                    Map.of("networkPlugin", "azure", "networkPluginMode", "overlay"))));
            assertThat(update.azCli())
                    .isEqualTo("az aks update -g rg-prod -n aks-prod --network-plugin azure --network-plugin-mode overlay");
        }

        @Test
        void everyUpdateCarriesTheEtagReadJustBeforeItNeverThePlannedOne() {
            // The cluster's ETag changes with every write, the autoscaler's too: staleness is the fingerprint's.
            MigrationPlan plan = plan(cluster().policy("calico").build(), overlay());

            assertThat(step(plan, "disable-network-policy").request().headers())
                    .containsExactly(Map.entry("If-Match", ArmRequest.ETAG_OF_READ));
            assertThat(step(plan, "update-network-plugin").request().headers())
                    .containsEntry("If-Match", ArmRequest.ETAG_OF_READ);
            assertThat(step(plan, "restore-network-policy").request().headers())
                    .containsEntry("If-Match", ArmRequest.ETAG_OF_READ);
            assertThat(step(plan, "disable-network-policy").compensation().request().headers())
                    .containsEntry("If-Match", ArmRequest.ETAG_OF_READ);
        }

        @Test
        void withoutAnEtagInTheInputTheEtagIsReadAtRunTime() {
            Step update = step(plan(cluster().etag(null).build(), overlay()), "update-network-plugin");

            assertThat(update.request().headers()).containsExactly(Map.entry("If-Match", ArmRequest.ETAG_OF_READ));
        }

        @Test
        void observeRolloutReadsTheAgentPoolsAndNamesThem() {
            ManagedCluster cluster = cluster().build();
            Step observe = step(plan(cluster, overlay()), "observe-rollout");

            assertThat(observe.request().path()).isEqualTo(cluster.id().value() + "/agentPools");
            assertThat(observe.description()).contains("system (max 3, surge 1)", "user (max 10, surge 4)",
                    "PodDisruptionBudget", "SubnetIsFull", "quota");
        }

        @Test
        void theUpdateDescribesWhatHappensToTheRouteTable() {
            ManagedCluster cluster = cluster().build();
            MigrationPlan plan = Planner.plan(PlanFixtures.assess(cluster,
                    PlanFixtures.fleet(cluster, "10.1.0.0/16", "10.1.0.0/22", true), overlay()), overlay());

            assertThat(step(plan, "update-network-plugin").description())
                    .contains("ONE-WAY", "reimaged at once", "per-pool", "kubenet pod routes are removed from your route"
                            + " table rt-aks", "0.0.0.0/0", "UNCONFIRMED");
            assertThat(step(plan, "validate").description()).contains("0.0.0.0/0 route is still there");
            assertThat(step(plan, "backup").description()).contains("rt-aks");
            assertThat(step(plan, "backup").azCli()).contains("az network route-table show --ids");
        }

        @Test
        void onTheManagedVnetTheManagedRouteTableIsDeleted() {
            ManagedCluster cluster = cluster().managedVnet().build();
            MigrationPlan plan = Planner.plan(PlanFixtures.assess(cluster, PlanFixtures.managedFleet(cluster), overlay()),
                    overlay());

            assertThat(step(plan, "update-network-plugin").description())
                    .contains("AKS-managed route table aks-agentpool-12345678-routetable is deleted");
            assertThat(step(plan, "validate").description()).contains("the AKS-managed route table deleted")
                    .doesNotContain("0.0.0.0/0");
        }

        @Test
        void hostileNamesAreQuotedInAzCommands() {
            ManagedCluster cluster = cluster().name("aks;rm -rf").build();
            Step update = step(plan(cluster, overlay()), "update-network-plugin");

            assertThat(update.azCli()).startsWith("az aks update -g rg-prod -n 'aks;rm -rf' ");
        }
    }

    @Test
    void notesExplainThePointOfNoReturnIacDriftAndThePodCidr() {
        MigrationPlan plan = plan(cluster().build(), overlay());

        assertThat(plan.notes()).anyMatch(n -> n.startsWith("Point of no return: update-network-plugin"));
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("iac-drift:") && n.contains("#30959"));
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("pod CIDR:"));
    }
}
