package org.kubenetmigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/**
 * Uninstalling and re-installing Calico each reimage every node (node-disruption-policy lists Calico → None and
 * None → Calico as reimaging): the finding and the plan say so, and the surge, PDB and subnet checks count them. On
 * dual-stack the engine cannot come back, so the plan re-installs nothing; with Cilium, Cilium replaces it.
 */
class PolicyReimagesTest {

    static Scenario calico() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.networkPolicy("calico").kubernetesVersion("1.31.2");
        return s;
    }

    @Test
    void theFindingCountsThreeFullReimagesAndTheGapAcrossThem() {
        ClusterAssessment a = calico().assessChecked();

        assertThat(Fixtures.finding(a, "network-policy").message()).contains(
                "3 full node reimages (disable-network-policy, update-network-plugin, restore-network-policy)",
                "NOT enforced from the uninstall until the last of them");
    }

    @Test
    void theUninstallAndReinstallStepsSayTheyReimageEveryNode() {
        Scenario s = calico();
        ClusterAssessment a = s.assessChecked();
        MigrationPlan plan = Planner.plan(a, s.options.build());

        assertThat(plan.step("disable-network-policy").orElseThrow().description())
                .contains("REIMAGES EVERY NODE", "calico → None", "node-disruption-policy", "surge");
        assertThat(plan.step("restore-network-policy").orElseThrow().description())
                .contains("REIMAGES EVERY NODE", "None → calico");
    }

    @Test
    void aFullSubnetFailsEveryReimageAndTheFindingSaysSo() {
        Scenario s = calico();
        s.vnet().existingSubnet("snet-aks").prefixes("10.240.0.0/28").used(11);

        assertThat(Fixtures.finding(s.assessChecked(), "node-subnet-surge").message())
                .contains("SubnetIsFull", "3 full node reimages");
    }

    @Test
    void onDualStackThePlanReinstallsNothingAndWithCiliumOnlyCilium() {
        Scenario dual = calico();
        dual.cluster.dualStack();
        ClusterAssessment blocked = dual.assessChecked();
        MigrationPlan plan = Planner.plan(blocked, dual.options.build());

        assertThat(Fixtures.finding(blocked, "dual-stack").severity()).isEqualTo(Severity.BLOCKER);
        assertThat(plan.stepIds()).contains("disable-network-policy")
                .doesNotContain("restore-network-policy", "enable-cilium");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("does not re-enable calico",
                "--dataplane cilium"));

        Scenario cilium = calico();
        cilium.cluster.dualStack();
        cilium.options.cilium();
        MigrationPlan withCilium = Planner.plan(cilium.assessChecked(), cilium.options.build());
        assertThat(withCilium.stepIds()).contains("disable-network-policy", "enable-cilium")
                .doesNotContain("restore-network-policy");
    }
}
