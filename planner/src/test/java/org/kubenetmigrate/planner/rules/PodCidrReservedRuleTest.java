package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PodCidrReservedRuleTest {
    private static final String ID = "pod-cidr-reserved";

    @Test
    void reservedCurrentPodCidrIsAnActionToMove() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr("172.16.0.0/12");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("pod CIDR 172.16.0.0/12", "172.30.0.0/16", "172.31.0.0/16",
                "moves pods to 10.244.0.0/16 (proposed by the planner, holds 256 nodes)");
        assertThat(f.remediation()).contains("--pod-cidr 10.244.0.0/16");
        assertThat(a.sizing().podCidr().proposed()).hasToString("10.244.0.0/16");
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void aValidRequestedPodCidrIsTheTarget() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr("172.16.0.0/12");
        s.options.podCidr("100.64.0.0/16");

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("moves pods to 100.64.0.0/16 (given with --pod-cidr)");
    }

    @Test
    void reservedRequestedPodCidrBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.options.podCidr("172.31.0.0/16");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("requested pod CIDR 172.31.0.0/16", "reserved range 172.31.0.0/16");
        assertThat(a.sizing().podCidr().proposed()).isNull();
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void noFreeRangeBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr("172.16.0.0/12");
        s.options.avoid("0.0.0.0/0");

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("172.16.0.0/12", "no free range of /22 or larger");
        assertThat(f.remediation()).contains("--pod-cidr");
    }

    @Test
    void missingPodCidrIsUnverified() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr(null);

        ClusterAssessment a = s.assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.couldBe()).isEqualTo(Severity.ACTION));
    }

    @Test
    void defaultPodCidrPasses() {
        ClusterAssessment a = Fixtures.byoVnet().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }
}
