package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;
import static org.kubenetmigrate.planner.testing.InClusterFixtures.egress;
import static org.kubenetmigrate.planner.testing.InClusterFixtures.ingress;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.InClusterCheck;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class CiliumLimitsRuleTest {
    private static final String ID = InClusterCheck.CILIUM_LIMITS;

    static Scenario cilium() {
        Scenario s = Fixtures.byoVnet();
        s.options.cilium();
        return s;
    }

    @Test
    void ipBlocksCoveringNodeOrPodIpsAndPoliciesOnHostNetworkPodsWarn() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .networkPolicy("payments", "allow-all-egress", egress("0.0.0.0/0"))
                .networkPolicy("payments", "allow-nodes", ingress("10.240.0.0/22"))
                .networkPolicy("payments", "allow-onprem", egress("192.168.0.0/16"))
                .hostNetworkPolicy("monitoring", "node-exporter", "node-exporter-abcde", "node-exporter-fghij")
                .assess(cilium());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("2 NetworkPolicy ipBlocks cover node or pod IPs",
                "payments/allow-all-egress (egress 0.0.0.0/0 covers node subnet 10.240.0.0/22 and pod CIDR 10.244.0.0/16)",
                "payments/allow-nodes (ingress 10.240.0.0/22 covers node subnet 10.240.0.0/22)",
                "1 NetworkPolicy selects host-network pods",
                "monitoring/node-exporter (selects node-exporter-abcde, node-exporter-fghij)")
                .doesNotContain("allow-onprem");
        assertThat(f.reference()).isEqualTo(Sources.CILIUM);
    }

    @Test
    void anExceptThatCutsOutNodesAndPodsMeansTheBlockDoesNotCoverThem() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .networkPolicy("payments", "internet-only", egress("0.0.0.0/0", "10.0.0.0/8"))
                .assess(cilium());

        assertThat(findings(a, ID)).isEmpty();
    }

    @Test
    void withoutTheCiliumTargetTheRuleSaysNothing() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .networkPolicy("payments", "allow-nodes", ingress("10.240.0.0/22"))
                .hostNetworkPolicy("monitoring", "node-exporter", "node-exporter-abcde")
                .assess(Fixtures.byoVnet());

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }

    @Test
    void aFailedReadIsUnverifiedAndNotRequestedIsSilent() {
        ClusterAssessment gap = InClusterFixtures.healthy()
                .gap(ID, "forbidden: list pods in namespace payments").assess(cilium());
        assertThat(unverified(gap, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.WARNING);
            assertThat(u.reason()).contains("forbidden: list pods");
        });

        ClusterAssessment notRequested = InClusterFixtures.assess(cilium(), InClusterView.notRequested());
        assertThat(unverified(notRequested, ID)).isEmpty();
    }
}
