package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class NodesNotReadyRuleTest {
    private static final String ID = "nodes-not-ready";

    @Test
    void aNodeThatIsNotReadyBlocks() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .node("aks-nodepool1-3", false, "Ready=False (KubeletNotReady)", "10.244.3.0/24")
                .node("aks-nodepool1-4", false, "no Ready condition")
                .assess(Fixtures.byoVnet());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).startsWith("2 of 5 nodes are not Ready: aks-nodepool1-3 (Ready=False"
                + " (KubeletNotReady)), aks-nodepool1-4 (no Ready condition)");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void allReadyDoesNotFire() {
        assertThat(findings(InClusterFixtures.healthy().assess(Fixtures.byoVnet()), ID)).isEmpty();
    }

    @Test
    void unreadableNodesKeepTheClusterFromReady() {
        ClusterAssessment a = InClusterFixtures.healthy().gap(ID, "forbidden: list nodes").assess(Fixtures.byoVnet());

        assertThat(unverified(a, ID)).singleElement().extracting(Unverified::couldBe).isEqualTo(Severity.BLOCKER);
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }
}
