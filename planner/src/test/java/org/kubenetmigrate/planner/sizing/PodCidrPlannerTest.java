package org.kubenetmigrate.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.NodeNetwork;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

class PodCidrPlannerTest {

    private static PodCidrSizing choose(Scenario s, int requiredNodes) {
        Fleet fleet = s.fleet();
        ManagedCluster cluster = fleet.clusters().get(0);
        return PodCidrPlanner.choose(cluster.network(), NodeNetwork.resolve(cluster, fleet), s.options.build(),
                requiredNodes);
    }

    /**
     * Everything in 10.244.0.0/14 taken, one /16 by each kind of range: VNet 10.244.0.0/16, peering 10.245.0.0/16,
     * service CIDR 10.246.0.0/16, --avoid 10.247.0.0/16. The current pod CIDR is reserved, so it must move.
     */
    private static Scenario crowded() {
        Scenario s = Fixtures.byoVnet();
        s.vnet().addressSpace("10.244.0.0/16").existingSubnet("snet-aks").prefixes("10.244.0.0/22");
        s.cluster.onSubnet(s.vnet().existingSubnet("snet-aks").id());
        s.vnet().peering("to-hub", "rg-hub", "vnet-hub", "10.245.0.0/16");
        s.cluster.serviceCidrs("10.246.0.0/16").podCidr("172.16.0.0/12");
        s.options.avoid("10.247.0.0/16");
        return s;
    }

    @Test
    void keepsAValidCurrentPodCidr() {
        PodCidrSizing pod = choose(Fixtures.byoVnet(), 4);

        assertThat(pod.choice()).isEqualTo(PodCidrSizing.Choice.KEEP_CURRENT);
        assertThat(pod.proposed()).isEqualTo(IpPrefix.parse("10.244.0.0/16"));
        assertThat(pod.currentProblems()).isEmpty();
        assertThat(pod.changes()).isFalse();
        assertThat(pod.complete()).isTrue();
    }

    @Test
    void proposesTheFirstFreeBlockAvoidingVnetPeeringServiceAvoidAndReserved() {
        PodCidrSizing pod = choose(crowded(), 4);

        assertThat(pod.currentProblems()).extracting(PodCidrProblem::kind)
                .containsOnly(PodCidrProblem.Kind.RESERVED);
        assertThat(pod.choice()).isEqualTo(PodCidrSizing.Choice.PROPOSED);
        assertThat(pod.proposed()).isEqualTo(IpPrefix.parse("100.64.0.0/16"));
        assertThat(pod.proposedCapacityNodes()).isEqualTo(256);
        assertThat(pod.changes()).isTrue();
    }

    @Test
    void proposalsAreDeterministic() {
        assertThat(choose(crowded(), 4)).isEqualTo(choose(crowded(), 4));
    }

    @Test
    void proposalsSkipTheReservedRanges() {
        // Leave only the reserved 172.30.0.0/15 of 172.16.0.0/12 free: the proposal must go on to 192.168.0.0/16.
        Scenario s = crowded();
        s.options.avoid("100.64.0.0/10", "172.16.0.0/13", "172.24.0.0/14", "172.28.0.0/15");

        PodCidrSizing pod = choose(s, 4);

        assertThat(pod.proposed()).isEqualTo(IpPrefix.parse("192.168.0.0/16"));
        assertThat(PodCidrPlanner.problems(pod.proposed(), PodCidrPlanner.takenRanges(
                s.buildCluster().network(), NodeNetwork.resolve(s.buildCluster(), s.fleet()), s.options.build()),
                4)).isEmpty();
    }

    @Test
    void aSlash16Holds256Nodes() {
        IpPrefix slash16 = IpPrefix.parse("10.244.0.0/16");

        assertThat(PodCidrPlanner.capacityNodes(slash16)).isEqualTo(256);
        assertThat(PodCidrPlanner.capacityNodes(IpPrefix.parse("10.244.0.0/25"))).isZero();
        assertThat(PodCidrPlanner.problems(slash16, java.util.List.of(), 256)).isEmpty();
        assertThat(PodCidrPlanner.problems(slash16, java.util.List.of(), 257)).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(PodCidrProblem.Kind.CAPACITY));
    }

    @Test
    void minimumLengthForNodeCounts() {
        assertThat(PodCidrPlanner.minimumLengthFor(5000)).isEqualTo(11);
        assertThat(PodCidrPlanner.minimumLengthFor(256)).isEqualTo(16);
        assertThat(PodCidrPlanner.minimumLengthFor(257)).isEqualTo(15);
        assertThat(PodCidrPlanner.minimumLengthFor(1)).isEqualTo(24);
        assertThat(PodCidrPlanner.minimumLengthFor(0)).isEqualTo(24);
    }

    @Test
    void proposalsLeaveRoomToGrowButAtLeastSlash16() {
        assertThat(PodCidrPlanner.proposalLengthFor(4)).isEqualTo(16);
        assertThat(PodCidrPlanner.proposalLengthFor(200)).isEqualTo(15);
        assertThat(PodCidrPlanner.proposalLengthFor(3000)).isEqualTo(11);
    }

    @Test
    void anInvalidRequestedPodCidrGetsNoSubstitute() {
        Scenario s = Fixtures.byoVnet();
        s.cluster.podCidr("172.16.0.0/12");
        s.options.podCidr("10.240.0.0/16");

        PodCidrSizing pod = choose(s, 4);

        assertThat(pod.choice()).isEqualTo(PodCidrSizing.Choice.NONE);
        assertThat(pod.proposed()).isNull();
        assertThat(pod.requestedProblems()).extracting(PodCidrProblem::kind)
                .containsOnly(PodCidrProblem.Kind.OVERLAP, PodCidrProblem.Kind.ADDRESS_SPACE);
    }

    @Test
    void aValidRequestedPodCidrIsUsedEvenWhenTheCurrentOneIsFine() {
        Scenario s = Fixtures.byoVnet();
        s.options.podCidr("100.64.0.0/16");

        PodCidrSizing pod = choose(s, 4);

        assertThat(pod.choice()).isEqualTo(PodCidrSizing.Choice.REQUESTED);
        assertThat(pod.proposed()).isEqualTo(IpPrefix.parse("100.64.0.0/16"));
    }

    @Test
    void unknownVnetMakesTheChoiceIncomplete() {
        assertThat(choose(Fixtures.byoVnet().withoutVnets(), 4).complete()).isFalse();
    }
}
