package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PodSubnetSpaceRuleTest {
    private static final String ID = "pod-subnet-space";

    private static Scenario podSubnet(Scenario s) {
        s.options.target(TargetIpam.POD_SUBNET);
        return s;
    }

    @Test
    void roomInTheVnetPassesAndProposesFreeRanges() {
        ClusterAssessment a = podSubnet(Fixtures.byoVnet()).assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(a.sizing().podSubnet().proposedNodeSubnet()).isNotNull();
        assertThat(a.sizing().podSubnet().proposedPodSubnet()).isNotNull();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void aFullVnetBlocksWithTheSizesNeeded() {
        Scenario s = podSubnet(Fixtures.byoVnet());
        s.vnet().subnet("snet-rest-a", "10.240.4.0/22");
        s.vnet().subnet("snet-rest-b", "10.240.8.0/21");
        s.vnet().subnet("snet-rest-c", "10.240.16.0/20");
        s.vnet().subnet("snet-rest-d", "10.240.32.0/19");
        s.vnet().subnet("snet-rest-e", "10.240.64.0/18");
        s.vnet().subnet("snet-rest-f", "10.240.128.0/17");

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("has no free /28 for the node subnet", "node subnet /28 for 4 nodes");
    }

    @Test
    void theAksManagedVnetCannotHostTheNewCluster() {
        Finding f = finding(podSubnet(Fixtures.managedVnet()).assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("AKS-managed virtual network");
    }

    @Test
    void unknownVnetIsUnverified() {
        ClusterAssessment a = podSubnet(Fixtures.byoVnet().withoutVnets()).assess();

        assertThat(unverified(a, ID)).singleElement().satisfies(u -> assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER));
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void inPlaceRulesDoNotJudgeANewPodSubnetCluster() {
        Scenario s = podSubnet(Fixtures.byoVnet());
        s.cluster.identity("SystemAssigned").networkPolicy("calico").kubernetesVersion("1.26.3");

        ClusterAssessment a = s.assess();

        assertThat(findings(a, "identity-type")).isEmpty();
        assertThat(findings(a, "network-policy")).isEmpty();
        assertThat(findings(a, "kubernetes-version")).isEmpty();
        assertThat(findings(a, "retirement")).hasSize(1);
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void theRuleIsSilentForTheOverlayTarget() {
        Scenario s = Fixtures.managedVnet();

        assertThat(findings(s.assess(), ID)).isEmpty();
    }
}
