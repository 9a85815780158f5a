package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PodCidrOverlapRuleTest {
    private static final String ID = "pod-cidr-overlap";

    @Test
    void peeredNetworkOverlapIsAnActionToMove() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().peering("to-hub", "rg-hub", "vnet-hub", "10.244.0.0/16");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("pod CIDR 10.244.0.0/16", "peered network vnet-hub (peering to-hub)",
                "moves pods to 10.245.0.0/16");
        assertThat(f.remediation()).contains("--pod-cidr 10.245.0.0/16", "--avoid");
        assertThat(a.readiness()).isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void addressSpaceOverlapAloneKeepsThePodCidrWithAWarning() {
        // The pre-2022 AKS-managed VNet: 10.0.0.0/8 around the default pod CIDR, no subnet in 10.244.0.0/16. AKS
        // checks subnets only since 2024-10-25, so the pod CIDR is kept.
        Scenario s = Fixtures.managedVnet();
        s.vnet().addressSpace("10.0.0.0/8");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("address space of virtual network aks-vnet-12345678 10.0.0.0/8",
                "overlaps none of its subnets", "2024-10-25", "keeps 10.244.0.0/16").doesNotContain("moves pods");
        assertThat(f.remediation()).contains("never create a subnet inside 10.244.0.0/16", "not required by Azure");
        assertThat(a.sizing().podCidr().changes()).as("no pod CIDR change Azure does not require").isFalse();
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void aRequestedPodCidrInTheAddressSpaceOnlyIsUsedWithTheSameWarning() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().addressSpace("10.240.0.0/12");
        s.options.podCidr("10.250.0.0/16");

        ClusterAssessment a = s.assessChecked();

        assertThat(a.sizing().podCidr().proposed()).hasToString("10.250.0.0/16");
        assertThat(finding(a, ID).severity()).isEqualTo(Severity.WARNING);
        assertThat(finding(a, ID).message()).contains("pod CIDR 10.250.0.0/16", "10.240.0.0/12");
    }

    @Test
    void aSubnetInsideTheAddressSpaceStillForcesTheMove() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().addressSpace("10.240.0.0/12");
        s.vnet().subnet("snet-legacy", "10.244.8.0/24");

        Finding f = finding(s.assessChecked(), ID);

        assertThat(f.severity()).isEqualTo(Severity.ACTION);
        assertThat(f.message()).contains("subnet snet-legacy of vnet-prod 10.244.8.0/24", "moves pods to 100.64.0.0/16");
    }

    @Test
    void serviceCidrAndAvoidRangesCount() {
        Scenario service = Fixtures.byoVnet();
        service.cluster.serviceCidrs("10.244.128.0/20");
        Scenario avoid = Fixtures.byoVnet();
        avoid.options.avoid("10.244.0.0/15");

        assertThat(finding(service.assess(), ID).message()).contains("service CIDR 10.244.128.0/20");
        assertThat(finding(avoid.assess(), ID).message()).contains("--avoid range 10.244.0.0/15",
                "moves pods to 10.246.0.0/16");
    }

    @Test
    void overlappingRequestedPodCidrBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.options.podCidr("10.240.0.0/16");

        ClusterAssessment a = s.assess();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("requested pod CIDR 10.240.0.0/16", "vnet-prod");
        assertThat(a.readiness()).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void noFreeRangeBlocks() {
        Scenario s = Fixtures.byoVnet();
        s.options.avoid("0.0.0.0/0");

        Finding f = finding(s.assess(), ID);

        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("--avoid range 0.0.0.0/0", "no free range");
    }

    @Test
    void unknownVnetLeavesTheVnetPartUnverifiedButStillChecksTheRest() {
        Scenario s = Fixtures.byoVnet().withoutVnets();
        s.cluster.serviceCidrs("10.244.0.0/16");

        ClusterAssessment a = s.assess();

        assertThat(finding(a, ID).message()).contains("service CIDR 10.244.0.0/16");
        assertThat(unverified(a, ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.ACTION);
            assertThat(u.reason()).contains("vnet-prod", "not in the input", "service CIDR and --avoid ranges only");
        });
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void unknownVnetWithNoOverlapAloneKeepsTheClusterFromReady() {
        Scenario s = Fixtures.byoVnet().withoutVnets();
        Fleet fleet = s.fleet();

        ClusterAssessment a = new ReadinessAssessor(List.of(new PodCidrOverlapRule()), Fixtures.TODAY)
                .assess(fleet.clusters().get(0), fleet, s.options.build());

        assertThat(a.findings()).isEmpty();
        assertThat(a.unverified()).hasSize(1);
        assertThat(a.readiness()).isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void clearPodCidrPasses() {
        ClusterAssessment a = Fixtures.byoVnet().assess();

        assertThat(findings(a, ID)).isEmpty();
        assertThat(unverified(a, ID)).isEmpty();
    }
}
