package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class NameLengthRuleTest {
    private static final String ID = "name-length";

    /** A cluster on a subnet named by the id alone: the VNet is not in the input, the rule must not need it. */
    private static Scenario onSubnet(String resourceGroup, String vnet, String subnet) {
        Scenario s = Fixtures.byoVnet().withoutVnets();
        s.cluster.onSubnet(Fixtures.subnetId(resourceGroup, vnet, subnet));
        return s;
    }

    @Test
    void subnetNameOver63Blocks() {
        String subnet = "s".repeat(64);

        ClusterAssessment a = onSubnet("rg-net", "vnet-prod", subnet).assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("subnet name '" + subnet + "' has 64 characters", "63");
        assertThat(f.remediation()).contains("az aks nodepool add").doesNotContain("new cluster");
        assertThat(unverified(a, ID)).isEmpty();
    }

    @Test
    void vnetAndResourceGroupNamesOver63BlockAndNeedANewCluster() {
        String vnet = "v".repeat(70);
        String group = "g".repeat(90);

        Finding f = finding(onSubnet(group, vnet, "snet-aks").assess(), ID);

        assertThat(f.message()).contains("virtual network name '" + vnet + "' has 70 characters",
                "virtual network resource group name '" + group + "' has 90 characters");
        assertThat(f.remediation()).contains("new cluster");
    }

    @Test
    void namesOf63CharactersPass() {
        ClusterAssessment a = onSubnet("g".repeat(63), "v".repeat(63), "s".repeat(63)).assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }

    @Test
    void managedVnetHasNothingToCheck() {
        assertThat(findings(Fixtures.managedVnet().assess(), ID)).isEmpty();
    }
}
