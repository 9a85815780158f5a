package org.kubenetmigrate.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/**
 * Pod Subnet (blue/green) proposals: the new cluster reuses the service CIDR, and AKS refuses a create whose service
 * CIDR overlaps a subnet (ServiceCidrOverlapExistingSubnetsCidr, Azure/AKS#3551); the old cluster's pod CIDR stays
 * routed until it is deleted; reserved ranges are refused everywhere. Dynamic allocation is limited to about 65k pods.
 */
class PodSubnetProposalTest {

    static Scenario podSubnet() {
        Scenario s = Fixtures.byoVnet();
        s.options.target(TargetIpam.POD_SUBNET);
        return s;
    }

    @Test
    void proposalsAvoidTheReusedServiceCidrAndTheOldPodCidr() {
        Scenario s = podSubnet();
        // Both lie in the VNet's free space, right after the node subnet, where a first fit would otherwise land.
        s.cluster.serviceCidrs("10.240.4.0/22").podCidr("10.240.8.0/21");

        PodSubnetSizing sizing = s.assessChecked().sizing().podSubnet();

        assertThat(sizing.proposedNodeSubnet()).isNotNull();
        assertThat(sizing.proposedPodSubnet()).isNotNull();
        for (IpPrefix proposed : new IpPrefix[] {sizing.proposedNodeSubnet(), sizing.proposedPodSubnet()}) {
            assertThat(proposed.overlaps(IpPrefix.parse("10.240.4.0/22"))).as(proposed + " vs service CIDR").isFalse();
            assertThat(proposed.overlaps(IpPrefix.parse("10.240.8.0/21"))).as(proposed + " vs old pod CIDR").isFalse();
            assertThat(proposed.overlaps(IpPrefix.parse("10.240.0.0/22"))).as(proposed + " vs node subnet").isFalse();
        }
    }

    @Test
    void proposalsAvoidReservedRangesInsideTheVnet() {
        Scenario s = podSubnet();
        s.vnet().addressSpace("172.30.0.0/15");
        s.vnet().existingSubnet("snet-aks").prefixes("172.31.255.0/24");
        s.cluster.podCidr("10.244.0.0/16");

        PodSubnetSizing sizing = s.assessChecked().sizing().podSubnet();

        assertThat(sizing.proposedNodeSubnet()).as("172.30.0.0/16 and 172.31.0.0/16 are reserved: no room").isNull();
        assertThat(sizing.noRoomReason()).contains("no free");
    }

    @Test
    void beyondAbout65kPodsStaticBlockAllocationIsRecommended() {
        Scenario s = podSubnet();
        s.vnet().addressSpace("10.240.0.0/12");
        s.cluster.pool("nodepool1").count(300).maxPods(250);

        ClusterAssessment a = s.assessChecked();

        assertThat(a.sizing().podSubnet().staticBlockRecommended()).isTrue();
        Finding f = Fixtures.finding(a, "pod-subnet-space");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("65k pods");
        assertThat(f.remediation()).contains("static block allocation", "configure-azure-cni-static-block-allocation");
    }

    @Test
    void aSmallClusterStaysOnDynamicAllocationWithoutAFinding() {
        ClusterAssessment a = podSubnet().assessChecked();

        assertThat(a.sizing().podSubnet().staticBlockRecommended()).isFalse();
        assertThat(Fixtures.findings(a, "pod-subnet-space")).isEmpty();
    }
}
