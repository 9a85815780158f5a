package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PodCidrCapacityRuleTest {
    private static final String ID = "pod-cidr-capacity";

    /** 20 max nodes (autoscaler) with maxSurge 7: 27 /24 blocks needed. */
    private static Scenario twentyNodesSurgingSeven(String podCidr) {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr(podCidr);
        s.cluster.pool("nodepool1").autoscale(3, 20).maxSurge("7");
        return s;
    }

    @Test
    void tooSmallPodCidrIsAnActionWithTheCounts() {
        ClusterAssessment a = twentyNodesSurgingSeven("10.244.0.0/20").assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains(
                "pod CIDR 10.244.0.0/20 holds 16 nodes at one /24 each; 20 max nodes + 7 surge need 27",
                "moves pods to 10.244.0.0/16");
        assertThat(f.remediation()).contains("--pod-cidr 10.244.0.0/16", "at most 16");
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void exactFitPasses() {
        Scenario s = twentyNodesSurgingSeven("10.244.0.0/19");
        s.cluster.pool("nodepool1").autoscale(3, 25);

        // 25 + 7 = 32 = the /24 blocks of a /19
        assertThat(findings(s.assess(), ID)).isEmpty();
    }

    @Test
    void tooSmallRequestedPodCidrBlocks() {
        Scenario s = twentyNodesSurgingSeven("10.244.0.0/16");
        s.options.podCidr("10.50.0.0/22");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("requested pod CIDR 10.50.0.0/22 holds 4 nodes", "need 27");
        assertThat(f.remediation()).contains("/19 or larger");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void noFreeRangeBlocks() {
        Scenario s = twentyNodesSurgingSeven("10.244.0.0/20");
        s.options.avoid("0.0.0.0/1", "128.0.0.0/1");

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("holds 16 nodes", "no free range of /19 or larger");
    }

    @Test
    void missingPodCidrIsUnverified() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr(null);

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.ACTION);
            assertThat(u.reason()).contains("4 nodes");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void missingPodCidrWithAValidRequestIsNotUnverified() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr(null);
        s.options.podCidr("100.64.0.0/16");

        ClusterAssessment a = s.assess();

        assertThat(unverified(a, ID)).isEmpty();
        assertThat(findings(a, ID)).isEmpty();
    }
}
