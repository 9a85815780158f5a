package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class ProvisioningStateRuleTest {
    private static final String ID = "provisioning-state";

    @Test
    void clusterInANonTerminalStateBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.provisioningState("Updating");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("cluster provisioningState is Updating");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void failedPoolAndStoppedClusterAreNamed() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.powerState("Stopped");
        s.cluster.addPool("apps").provisioningState("Failed");

        Finding f = finding(s.assess(), ID);

        assertThat(f.message()).contains("cluster is stopped", "pool apps provisioningState is Failed")
                .doesNotContain("nodepool1");
        assertThat(f.remediation()).contains("az aks start -g rg-aks -n aks-prod");
    }

    @Test
    void missingStateIsUnverifiedCouldBeBlocker() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.provisioningState(null);

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.BLOCKER);
            assertThat(u.reason()).contains("provisioningState");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void succeededAndRunningPasses() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.provisioningState("succeeded");

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }
}
