package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;
import static org.kubenetmigrate.planner.testing.InClusterFixtures.egress;
import static org.kubenetmigrate.planner.testing.InClusterFixtures.ingress;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.InClusterView;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;
import org.kubenetmigrate.planner.testing.InClusterFixtures;

class IpBlockPodCidrRuleTest {
    private static final String ID = "ipblock-pod-cidr";

    private static Scenario changingPodCidr() {
        Scenario s = Fixtures.byoVnet();
        s.options.podCidr("100.64.0.0/16");
        return s;
    }

    private static InClusterFixtures policies() {
        return InClusterFixtures.healthy()
                .networkPolicy("payments", "from-pods", ingress("10.244.0.0/16"))
                .networkPolicy("payments", "to-one-node", egress("10.244.3.7/24", "10.244.3.128/25"))
                .networkPolicy("web", "from-onprem", ingress("192.168.0.0/16"), egress("0.0.0.0/0", "10.0.0.0/8"))
                .networkPolicy("web", "allow-all", egress("0.0.0.0/0"));
    }

    @Test
    void listsIpBlocksThatOverlapTheCurrentPodCidrWhenThePlanChangesIt() {
        ClusterAssessment a = policies().assess(changingPodCidr());

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("3 NetworkPolicy ipBlocks refer to the current pod CIDR 10.244.0.0/16,"
                        + " which the plan changes to 100.64.0.0/16")
                .contains("payments/from-pods (ingress 10.244.0.0/16)",
                        "payments/to-one-node (egress 10.244.3.7/24 except 10.244.3.128/25)",
                        "web/from-onprem (egress 0.0.0.0/0 except 10.0.0.0/8)")
                .doesNotContain("192.168.0.0/16", "allow-all");
        assertThat(f.remediation()).contains("add 100.64.0.0/16 beside 10.244.0.0/16");
    }

    @Test
    void keptPodCidrDoesNotFireAndIsNotUnverified() {
        Scenario kept = Fixtures.byoVnet();

        assertThat(findings(policies().assess(kept), ID)).isEmpty();
        assertThat(unverified(InClusterFixtures.assess(kept, InClusterView.unavailable("down")), ID)).isEmpty();
    }

    @Test
    void policiesOutsideThePodCidrDoNotFire() {
        ClusterAssessment a = InClusterFixtures.healthy()
                .networkPolicy("web", "from-onprem", ingress("192.168.0.0/16"))
                .assess(changingPodCidr());

        assertThat(findings(a, ID)).isEmpty();
    }

    @Test
    void unavailableClusterIsUnverifiedWhenTheCidrChanges() {
        ClusterAssessment a = InClusterFixtures.assess(changingPodCidr(), InClusterView.unavailable("down"));

        assertThat(unverified(a, ID)).singleElement().extracting(Unverified::couldBe).isEqualTo(Severity.WARNING);
    }

    @Test
    void aBlockIsListedOnlyWhenTheOldAndNewRangesAreMatchedDifferently() {
        IpPrefix old = IpPrefix.parse("10.244.0.0/16");
        IpPrefix next = IpPrefix.parse("100.64.0.0/16");

        assertThat(IpBlockPodCidrRule.changesWithPodCidr(ingress("10.244.0.0/16"), old, next)).isTrue();
        assertThat(IpBlockPodCidrRule.changesWithPodCidr(ingress("0.0.0.0/0"), old, next)).isFalse();
        assertThat(IpBlockPodCidrRule.changesWithPodCidr(ingress("0.0.0.0/0", "10.244.0.0/16"), old, next)).isTrue();
        assertThat(IpBlockPodCidrRule.changesWithPodCidr(ingress("0.0.0.0/0", "172.16.0.0/12"), old, next)).isFalse();
        assertThat(IpBlockPodCidrRule.changesWithPodCidr(ingress("10.0.0.0/8"), old, IpPrefix.parse("10.96.0.0/16")))
                .isFalse();
        assertThat(IpBlockPodCidrRule.changesWithPodCidr(ingress("fd00::/8"), old, next)).isFalse();
    }

    @Test
    void lenientParsingJudgesHostBitsByTheirNetworkAndSkipsGarbage() {
        assertThat(IpBlockPodCidrRule.lenient("10.244.3.7/24")).isEqualTo(IpPrefix.parse("10.244.3.0/24"));
        assertThat(IpBlockPodCidrRule.lenient("fd00::1/64")).isEqualTo(IpPrefix.parse("fd00::/64"));
        assertThat(IpBlockPodCidrRule.lenient("10.0.0.0/33")).isNull();
        assertThat(IpBlockPodCidrRule.lenient("not-a-cidr")).isNull();
        assertThat(IpBlockPodCidrRule.lenient("10.0.0.0")).isNull();
    }
}
