package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

/** The remove-ip-masq-config step and the plan's in-cluster note. */
class IpMasqConfigStepTest {

    private static MigrationPlan plan(Scenario s, InClusterView view) {
        ClusterAssessment assessment = InClusterFixtures.assess(s, view);
        MigrationOptions options = s.options.build();
        return Planner.plan(assessment, options);
    }

    private static Scenario removing() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico");
        s.options.removeIpMasqConfig();
        return s;
    }

    @Test
    void customConfigMapIsBackedUpAndDeletedBeforeThePolicyGapStarts() {
        MigrationPlan plan = plan(removing(),
                InClusterFixtures.healthy().ipMasqConfigMap("azure-ip-masq-agent-config").view());

        assertThat(plan.stepIds()).containsSubsequence("backup", "remove-ip-masq-config", "disable-network-policy",
                "update-network-plugin");
        Step step = plan.step("remove-ip-masq-config").orElseThrow();
        assertThat(step.description()).contains("kube-system/azure-ip-masq-agent-config", "run directory",
                "azure-ip-masq-agent-config-reconciled");
        assertThat(step.requiresApproval()).isTrue();
        assertThat(step.reversible()).isTrue();
        assertThat(step.pointOfNoReturn()).isFalse();
        assertThat(step.request()).isNull();
        assertThat(step.changesCluster()).isTrue();
        assertThat(step.mutating()).as("no ARM change").isFalse();
        assertThat(org.kubenetmigrate.planner.report.PlanTextRenderer.render(plan))
                .contains("remove-ip-masq-config: Back up and delete the custom ip-masq-agent ConfigMaps  [approval]"
                        + " [reversible] [changes the cluster]")
                .contains("change Azure, 1 change objects in the cluster, ");
        assertThat(step.compensation().description()).contains("Re-create", "backup");
        assertThat(plan.assessment().readiness()).isEqualTo(org.kubenetmigrate.planner.rules.Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void noStepWhenTheClusterWasReadAndHasNoCustomConfigMap() {
        MigrationPlan plan = plan(removing(), InClusterFixtures.healthy().view());

        assertThat(plan.stepIds()).doesNotContain("remove-ip-masq-config");
    }

    @Test
    void noStepWithoutTheOption() {
        Scenario s = Fixtures.byoVnet();

        MigrationPlan plan = plan(s, InClusterFixtures.healthy().ipMasqConfigMap("ip-masq-agent").view());

        assertThat(plan.stepIds()).doesNotContain("remove-ip-masq-config");
        assertThat(plan.notes().get(0)).startsWith("BLOCKED").contains("ip-masq-agent-config");
    }

    @Test
    void stepStaysWhenTheClusterCouldNotBeReadSinceTheExecutorLooksAtRunTime() {
        MigrationPlan plan = plan(removing(), InClusterView.notRequested());

        assertThat(plan.step("remove-ip-masq-config").orElseThrow().description())
                .contains("not read at planning time");
    }

    @Test
    void notesSayWhetherTheClusterWasReadInside() {
        Scenario s = Fixtures.byoVnet();

        assertThat(plan(s, InClusterView.notRequested()).notes())
                .anyMatch(n -> n.startsWith("in-cluster: not checked") && n.contains("--kubeconfig"));
        assertThat(plan(s, InClusterFixtures.healthy().view()).notes())
                .anyMatch(n -> n.equals("in-cluster: read from kubeconfig context aks-prod at 2026-12-01T11:59:00Z."));
        assertThat(plan(s, InClusterView.unavailable("API server unreachable")).notes())
                .anyMatch(n -> n.equals("in-cluster: could not read the cluster: API server unreachable"));
    }

    @Test
    void validateStepNamesTheInClusterChecksAgainstThePlannedPodCidr() {
        Scenario s = Fixtures.byoVnet();
        s.options.podCidr("100.64.0.0/16");

        assertThat(plan(s, InClusterView.notRequested()).step("validate").orElseThrow().description())
                .contains("every node Ready with its spec.podCIDR(s) inside 100.64.0.0/16", "NodeNetworkConfig",
                        "CoreDNS");
    }
}
