package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class NodeSubnetSurgeRuleTest {
    private static final String ID = "node-subnet-surge";

    @Test
    void tooFewFreeAddressesForTheSurgeBlocks() {
        // /28 = 16 - 5 reserved = 11 usable; 9 in use leaves 2; surge 3.
        Scenario s = Fixtures.byoVnet();
        s.vnet().existingSubnet("snet-aks").prefixes("10.240.0.0/28").used(9);
        s.cluster.pool("nodepool1").maxSurge("3");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("node subnet snet-aks (10.240.0.0/28: 11 usable, 9 in use) has 2 free"
                + " addresses; the reimage surges 3 nodes into it (nodepool1 +3)", "SubnetIsFull");
        assertThat(f.remediation()).contains("az aks nodepool update -g rg-aks --cluster-name aks-prod -n nodepool1"
                + " --max-surge");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void exactlyEnoughFreeAddressesPasses() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().existingSubnet("snet-aks").prefixes("10.240.0.0/28").used(8);
        s.cluster.pool("nodepool1").maxSurge("3");

        assertThat(findings(s.assess(), ID)).isEmpty();
    }

    @Test
    void surgesAddUpPerSubnetAndOnlyTheFullSubnetIsNamed() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().existingSubnet("snet-aks").prefixes("10.240.0.0/28").used(8);
        s.vnet().subnet("snet-apps", "10.240.4.0/22").used(40);
        s.cluster.pool("nodepool1").maxSurge("2");
        s.cluster.addPool("batch").maxSurge("50%").count(4);
        s.cluster.addPool("apps").count(20).maxSurge(null).subnet(s.vnet().existingSubnet("snet-apps").id());

        Finding f = finding(s.assess(), ID);

        assertThat(f.message()).contains("snet-aks", "has 3 free addresses", "surges 4 nodes",
                "nodepool1 +2, batch +2").doesNotContain("snet-apps");
    }

    @Test
    void addressesOfEveryPrefixCount() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().existingSubnet("snet-aks").prefixes("10.240.0.0/29", "10.240.0.8/29").used(4);
        s.cluster.pool("nodepool1").maxSurge("3");

        // 2 × (8 - 5) = 6 usable, 4 used: 2 free < 3
        assertThat(finding(s.assess(), ID).message()).contains("6 usable, 4 in use) has 2 free");
    }

    @Test
    void managedVnetPutsAllPoolsOnItsSubnet() {
        Scenario s = Fixtures.managedVnet();
        s.vnet().existingSubnet("aks-subnet").prefixes("10.224.0.0/28").used(10);
        s.cluster.addPool("apps");

        Finding f = finding(s.assess(), ID);

        assertThat(f.message()).contains("aks-subnet", "1 free", "surges 2 nodes", "nodepool1 +1, apps +1");
        assertThat(findings(Fixtures.managedVnet().assess(), ID)).isEmpty();
    }

    @Test
    void unknownVnetIsUnverifiedCouldBeBlocker() {
        ClusterAssessment a = Fixtures.byoVnet().withoutVnets().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("vnet-prod");
        });
    }
}
